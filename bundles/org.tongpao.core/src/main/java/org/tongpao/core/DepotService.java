package org.tongpao.core;

import org.osgi.annotation.versioning.ProviderType;

/** Depots, with the same scope rules as org units (a depot belongs to its owner's province). */
@ProviderType
public interface DepotService {

    Page<Depot> list(Caller caller, DepotFilter filter, int limit, String cursor);

    Depot get(Caller caller, long id);

    Depot getByCode(Caller caller, String code);

    Depot create(Caller caller, NewDepot command, String idempotencyKey);

    Depot update(Caller caller, long id, DepotUpdate command, String idempotencyKey);

    Depot deactivate(Caller caller, long id, Long expectedVersion, String idempotencyKey);
}
