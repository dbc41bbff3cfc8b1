package org.tongpao.dataimport.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;

/**
 * The caller's active master data in the import layouts, page by page through the services (a page of 500 at a
 * time is all that is ever held), so an export edited in a spreadsheet imports back.
 */
final class Exports {
    private static final int PAGE = 500;

    private Exports() {
    }

    static Iterable<List<?>> catalogue(Caller caller, CatalogueService catalogue) {
        return paged(cursor -> catalogue.list(caller, new ItemFilter(null, null, true), PAGE, cursor),
                i -> Arrays.asList(i.code(), i.categoryCode(), i.name(), i.nameZh(), i.unit(), i.standard(),
                        i.shelfLifeMonths()));
    }

    static Iterable<List<?>> orgUnits(Caller caller, OrgUnitService units) {
        Map<Long, String> codes = unitCodes(caller, units);
        return paged(cursor -> units.list(caller, new OrgUnitFilter(null, null, null, true, null), PAGE, cursor),
                u -> Arrays.asList(u.code(), u.name(), u.nameZh(), u.level().name(),
                        u.parentId() == null ? null : codes.get(u.parentId()), u.provinceCode(), u.frontLine()));
    }

    static Iterable<List<?>> depots(Caller caller, DepotService depots, OrgUnitService units) {
        Map<Long, String> codes = unitCodes(caller, units);
        return paged(cursor -> depots.list(caller, new DepotFilter(null, null, true, null), PAGE, cursor),
                d -> Arrays.asList(d.code(), d.name(), codes.get(d.orgUnitId()), d.address()));
    }

    /** Every unit's code the caller sees, by id: parents and owners are named by code in a file. */
    private static Map<Long, String> unitCodes(Caller caller, OrgUnitService units) {
        Map<Long, String> codes = new HashMap<>();
        for (List<?> row : paged(cursor -> units.list(caller, OrgUnitFilter.all(), PAGE, cursor),
                (OrgUnit u) -> List.of(u.id(), u.code()))) {
            codes.put((Long) row.get(0), (String) row.get(1));
        }
        return codes;
    }

    private static <T> Iterable<List<?>> paged(Function<String, Page<T>> fetch, Function<T, List<?>> row) {
        return () -> new Iterator<>() {
            private Iterator<T> page = List.<T>of().iterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Page<T> next = fetch.apply(cursor);
                    page = new ArrayList<>(next.items()).iterator();
                    cursor = next.nextCursor();
                    last = cursor == null;
                }
                return page.hasNext();
            }

            @Override
            public List<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return row.apply(page.next());
            }
        };
    }
}
