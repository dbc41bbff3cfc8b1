package org.tongpao.core;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The item catalogue: every authenticated caller reads it, only ministry roles change it. */
@ProviderType
public interface CatalogueService {

    List<Category> categories();

    Page<Item> list(Caller caller, ItemFilter filter, int limit, String cursor);

    Item get(Caller caller, long id);

    Item getByCode(Caller caller, String code);

    Item create(Caller caller, NewItem command, String idempotencyKey);

    Item update(Caller caller, long id, ItemUpdate command, String idempotencyKey);

    Item deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey);
}
