package org.tongpao.reporting.internal;

import java.util.List;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.reporting.ReportPlace;

/**
 * Reference data for one report run: depots (→ province), items (→ code, category), provinces (→ names), from the
 * {@link DirectoryCache}, read as the system. It only labels rows; what a caller sees is decided by the services it
 * reads figures from and by {@link #visible}.
 */
final class Directory {
    private final DirectoryCache cache;
    private DirectoryCache.Snapshot snapshot;
    private boolean fresh;
    private final ProvinceRegistry provinces;
    private final OrgUnitService units;
    private final Caller system;

    Directory(DirectoryCache cache, ProvinceRegistry provinces, OrgUnitService units, String requestId) {
        this.cache = cache;
        this.provinces = provinces;
        this.units = units;
        this.system = Caller.system(requestId);
        this.snapshot = cache.get();
    }

    /**
     * An id the snapshot does not know is newer than the snapshot (ids are never reused): read the lists again,
     * once per request, so a row of a new item or depot is labelled, not dropped.
     */
    private boolean refreshed() {
        if (fresh) {
            return false;
        }
        fresh = true;
        snapshot = cache.reload();
        return true;
    }

    Depot depot(long id) {
        Depot d = snapshot.depots().get(id);
        return d == null && refreshed() ? snapshot.depots().get(id) : d;
    }

    Item item(long id) {
        Item i = snapshot.items().get(id);
        return i == null && refreshed() ? snapshot.items().get(id) : i;
    }

    List<Item> items() {
        return snapshot.itemList();
    }

    /** The province of a depot (null: a ministry depot, the central reserve); empty for a depot not known here. */
    Optional<String> depotProvince(long depotId) {
        Depot d = depot(depotId);
        return d == null ? Optional.empty() : Optional.of(d.provinceCode() == null ? "" : d.provinceCode());
    }

    /** The province of an org unit (a front-line station a transfer delivers to). */
    Optional<String> unitProvince(long unitId) {
        Optional<String> known = snapshot.unitProvinces().get(unitId);
        if (known != null) {
            return known;
        }
        try {
            Optional<String> p = Optional.ofNullable(units.get(system, unitId).provinceCode());
            snapshot.unitProvinces().put(unitId, p); // only what exists is kept: a unit created later is looked up
            return p;
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** A place for a province code; null or empty is the central reserve. */
    ReportPlace place(String provinceCode) {
        if (provinceCode == null || provinceCode.isEmpty()) {
            return ReportPlace.reserve();
        }
        return provinces.find(provinceCode).map(Directory::place)
                .orElse(new ReportPlace(provinceCode, provinceCode, provinceCode, false));
    }

    private static ReportPlace place(Province p) {
        return new ReportPlace(p.code(), p.nameZh(), p.nameEn(), false);
    }

    /** Whether the caller may see figures of the place (the central reserve: ministry roles and auditors). */
    static boolean visible(Caller caller, ReportPlace place) {
        return caller.canSeeProvince(place.centralReserve() ? null : place.code());
    }
}
