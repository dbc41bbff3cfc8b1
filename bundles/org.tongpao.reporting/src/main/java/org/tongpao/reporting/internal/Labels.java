package org.tongpao.reporting.internal;

import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;

/**
 * Where every report's labels come from: the {@link DirectoryCache} of depots and items kept between requests, the
 * provinces and the org units, handed to each request as a {@link Directory}. The reports component drops the cache
 * when core announces a change ({@link #invalidate}).
 */
final class Labels {
    private final DirectoryCache cache;
    private final ProvinceRegistry provinces;
    private final OrgUnitService units;

    Labels(DepotService depots, CatalogueService catalogue, ProvinceRegistry provinces, OrgUnitService units,
            int ttlSeconds) {
        this.cache = new DirectoryCache(depots, catalogue, Math.max(0, ttlSeconds) * 1000L, System::nanoTime);
        this.provinces = provinces;
        this.units = units;
    }

    /** The labels for one request, read with the system's reach (labels only: figures come with the caller's). */
    Directory forRequest(Caller caller) {
        return new Directory(cache, provinces, units, caller.requestId());
    }

    /** Core committed a change of an org unit, item or depot: the next request reads the lists again. */
    void invalidate() {
        cache.invalidate();
    }

    /** For tests: the cache itself. */
    DirectoryCache cache() {
        return cache;
    }
}
