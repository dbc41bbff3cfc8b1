package org.tongpao.reporting.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.reporting.ReportPlace;

/**
 * Reference data for one report run: depots (→ province), items (→ code, category), provinces (→ names), read
 * once as the system. It only labels rows; what a caller sees is decided by the services it reads figures from and
 * by {@link #visible}.
 */
final class Directory {
    private final Map<Long, Depot> depots = new HashMap<>();
    private final Map<Long, Item> items = new HashMap<>();
    private final Map<Long, Optional<String>> unitProvinces = new HashMap<>();
    private final ProvinceRegistry provinces;
    private final OrgUnitService units;
    private final Caller system;

    Directory(DepotService depotService, CatalogueService catalogue, ProvinceRegistry provinces, OrgUnitService units,
            String requestId) {
        this.provinces = provinces;
        this.units = units;
        this.system = Caller.system(requestId);
        for (Depot d : AllPages.read((limit, cursor) -> depotService.list(system, new DepotFilter(null, null, null,
                null), limit, cursor))) {
            depots.put(d.id(), d);
        }
        for (Item i : AllPages.read((limit, cursor) -> catalogue.list(system, new ItemFilter(null, null, null), limit,
                cursor))) {
            items.put(i.id(), i);
        }
    }

    Depot depot(long id) {
        return depots.get(id);
    }

    Item item(long id) {
        return items.get(id);
    }

    List<Item> items() {
        return List.copyOf(items.values());
    }

    /** The province of a depot (null: a ministry depot, the central reserve); empty for a depot not known here. */
    Optional<String> depotProvince(long depotId) {
        Depot d = depots.get(depotId);
        return d == null ? Optional.empty() : Optional.of(d.provinceCode() == null ? "" : d.provinceCode());
    }

    /** The province of an org unit (a front-line station a transfer delivers to). */
    Optional<String> unitProvince(long unitId) {
        return unitProvinces.computeIfAbsent(unitId, id -> {
            try {
                return Optional.ofNullable(units.get(system, id).provinceCode());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
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
