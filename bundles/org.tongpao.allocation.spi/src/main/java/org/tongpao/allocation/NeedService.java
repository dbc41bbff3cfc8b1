package org.tongpao.allocation;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Needs and key areas. Scope: a province officer records and sees the needs of its own province only
 * (another province's need is 404); ministry roles everything; auditors read only. Key areas are
 * declared and removed by ministry roles. {@code idempotencyKey} may be null.
 */
@ProviderType
public interface NeedService {

    Page<Need> list(Caller caller, NeedFilter filter, int limit, String cursor);

    Need get(Caller caller, long id);

    Need create(Caller caller, NewNeed command, String idempotencyKey);

    /** Cancels what is still open; refused (409) when fulfilled or already cancelled. */
    Need cancel(Caller caller, long id, String idempotencyKey);

    List<KeyArea> keyAreas(Caller caller);

    KeyArea declareKeyArea(Caller caller, NewKeyArea command, String idempotencyKey);

    void removeKeyArea(Caller caller, long id, String idempotencyKey);
}
