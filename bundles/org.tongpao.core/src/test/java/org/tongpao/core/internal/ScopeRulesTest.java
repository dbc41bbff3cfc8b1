package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitUpdate;

/**
 * The scope rules as a table: each role against each action. Expected outcomes: OK, 403
 * (AccessDeniedException), 404 (NotFoundException, i.e. hidden), or for lists the number of rows. A write
 * naming a record the caller cannot see is hidden too (404), never denied: a 403 would reveal that it exists.
 */
class ScopeRulesTest extends WithDemoFixture {
    enum Action {
        READ_OWN_PROVINCE_UNIT, READ_OTHER_PROVINCE_UNIT, READ_MINISTRY, LIST_UNITS, CREATE_UNIT_OWN_PROVINCE,
        CREATE_UNIT_OTHER_PROVINCE, CREATE_PROVINCIAL_DEPARTMENT, UPDATE_MINISTRY, UPDATE_OWN_CITY,
        UPDATE_OTHER_CITY, READ_CATALOGUE, CHANGE_CATALOGUE, READ_OWN_DEPOT, READ_OTHER_DEPOT, LIST_DEPOTS,
        CREATE_DEPOT_OWN_PROVINCE, CREATE_DEPOT_OTHER_PROVINCE, DEACTIVATE_OTHER_DEPOT
    }

    static final String OK = "OK";
    static final String DENIED = "403";
    static final String HIDDEN = "404";

    // columns: admin, officer, hubei officer, auditor, depot keeper (HB-WH-01), partner
    static final Map<Action, String[]> TABLE = Map.ofEntries(
            Map.entry(Action.READ_OWN_PROVINCE_UNIT, row(OK, OK, OK, OK, HIDDEN, HIDDEN)),
            Map.entry(Action.READ_OTHER_PROVINCE_UNIT, row(OK, OK, HIDDEN, OK, HIDDEN, HIDDEN)),
            Map.entry(Action.READ_MINISTRY, row(OK, OK, HIDDEN, OK, HIDDEN, HIDDEN)),
            Map.entry(Action.LIST_UNITS, row("36", "36", "4", "36", "0", "0")),
            Map.entry(Action.CREATE_UNIT_OWN_PROVINCE, row(OK, OK, OK, DENIED, DENIED, DENIED)),
            Map.entry(Action.CREATE_UNIT_OTHER_PROVINCE, row(OK, OK, HIDDEN, DENIED, DENIED, DENIED)),
            Map.entry(Action.CREATE_PROVINCIAL_DEPARTMENT, row(OK, OK, DENIED, DENIED, DENIED, DENIED)),
            Map.entry(Action.UPDATE_MINISTRY, row(OK, OK, HIDDEN, DENIED, DENIED, DENIED)),
            Map.entry(Action.UPDATE_OWN_CITY, row(OK, OK, OK, DENIED, DENIED, DENIED)),
            Map.entry(Action.UPDATE_OTHER_CITY, row(OK, OK, HIDDEN, DENIED, DENIED, DENIED)),
            Map.entry(Action.READ_CATALOGUE, row(OK, OK, OK, OK, OK, OK)),
            Map.entry(Action.CHANGE_CATALOGUE, row(OK, OK, DENIED, DENIED, DENIED, DENIED)),
            Map.entry(Action.READ_OWN_DEPOT, row(OK, OK, OK, OK, OK, HIDDEN)),
            Map.entry(Action.READ_OTHER_DEPOT, row(OK, OK, HIDDEN, OK, HIDDEN, HIDDEN)),
            Map.entry(Action.LIST_DEPOTS, row("4", "4", "2", "4", "1", "0")),
            Map.entry(Action.CREATE_DEPOT_OWN_PROVINCE, row(OK, OK, OK, DENIED, DENIED, DENIED)),
            Map.entry(Action.CREATE_DEPOT_OTHER_PROVINCE, row(OK, OK, HIDDEN, DENIED, DENIED, DENIED)),
            Map.entry(Action.DEACTIVATE_OTHER_DEPOT, row(OK, OK, HIDDEN, DENIED, DENIED, DENIED)));

    static final Caller[] CALLERS = {Fixture.ADMIN, Fixture.OFFICER, Fixture.HUBEI, Fixture.AUDITOR, Fixture.KEEPER,
        Fixture.PARTNER};

    private static String[] row(String... outcomes) {
        return outcomes;
    }

    static Stream<Arguments> cases() {
        return Stream.of(Action.values()).flatMap(a -> {
            String[] expected = TABLE.get(a);
            return Stream.of(0, 1, 2, 3, 4, 5).map(i -> Arguments.of(a, CALLERS[i].user(), i, expected[i]));
        });
    }

    private int seq;

    private String unique(String prefix) {
        return prefix + "-" + (++seq);
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("cases")
    void table(Action action, String user, int index, String expected) {
        Caller c = CALLERS[index];
        Consumer<Caller> run = switch (action) {
            case READ_OWN_PROVINCE_UNIT -> x -> f.units.get(x, f.unit("P42-WUHAN").id());
            case READ_OTHER_PROVINCE_UNIT -> x -> f.units.get(x, f.unit("P32-NANJING").id());
            case READ_MINISTRY -> x -> f.units.get(x, f.unit("MPS").id());
            case LIST_UNITS -> null;
            case CREATE_UNIT_OWN_PROVINCE -> x -> f.units.create(x, new NewOrgUnit(unique("P42-C"), "City", null,
                    OrgLevel.PREFECTURE, f.unit("P42").id(), null, false), null);
            case CREATE_UNIT_OTHER_PROVINCE -> x -> f.units.create(x, new NewOrgUnit(unique("P32-C"), "City", null,
                    OrgLevel.PREFECTURE, f.unit("P32").id(), null, false), null);
            case CREATE_PROVINCIAL_DEPARTMENT -> x -> f.units.create(x, new NewOrgUnit(unique("PX"), "Another", null,
                    OrgLevel.PROVINCE, f.unit("MPS").id(), "42", false), null);
            case UPDATE_MINISTRY -> x -> {
                var m = f.unit("MPS");
                f.units.update(x, m.id(), new OrgUnitUpdate(m.name(), m.nameZh(), false, m.version()), null);
            };
            case UPDATE_OWN_CITY -> x -> {
                var u = f.unit("P42-WUHAN");
                f.units.update(x, u.id(), new OrgUnitUpdate(u.name(), u.nameZh(), false, u.version()), null);
            };
            case UPDATE_OTHER_CITY -> x -> {
                var u = f.unit("P32-NANJING");
                f.units.update(x, u.id(), new OrgUnitUpdate(u.name(), u.nameZh(), false, u.version()), null);
            };
            case READ_CATALOGUE -> x -> {
                f.catalogue.categories();
                f.catalogue.list(x, ItemFilter.all(), 50, null);
                f.catalogue.get(x, f.catalogue.getByCode(Fixture.ADMIN, "MASK-KN95").id());
            };
            case CHANGE_CATALOGUE -> x -> {
                var i = f.catalogue.getByCode(Fixture.ADMIN, "GLOVES-EXAM");
                f.catalogue.update(x, i.id(), new ItemUpdate(i.categoryCode(), i.name(), i.nameZh(), i.unit(),
                        i.standard(), i.shelfLifeMonths(), i.version()), null);
                f.catalogue.create(x, new NewItem(unique("MASK-T"), "MASK", "Test mask", null, "piece", null, null),
                        null);
            };
            case READ_OWN_DEPOT -> x -> f.depots.get(x, f.depots.getByCode(Fixture.ADMIN, "HB-WH-01").id());
            case READ_OTHER_DEPOT -> x -> f.depots.get(x, f.depots.getByCode(Fixture.ADMIN, "JS-PROV-01").id());
            case LIST_DEPOTS -> null;
            case CREATE_DEPOT_OWN_PROVINCE -> x -> f.depots.create(x, new NewDepot(unique("HB-T"), "Store",
                    f.unit("P42-WUHAN").id(), null), null);
            case CREATE_DEPOT_OTHER_PROVINCE -> x -> f.depots.create(x, new NewDepot(unique("JS-T"), "Store",
                    f.unit("P32-NANJING").id(), null), null);
            case DEACTIVATE_OTHER_DEPOT -> x -> {
                var d = f.depots.create(Fixture.ADMIN, new NewDepot(unique("JS-D"), "Store",
                        f.unit("P32").id(), null), null);
                f.depots.deactivate(x, d.id(), null, null);
            };
        };
        if (action == Action.LIST_UNITS) {
            // seeded rows only: units made by other rows of the table end in -<number>
            long n = f.units.list(c, OrgUnitFilter.all(), 500, null).items().stream()
                    .filter(u -> !u.code().matches(".*-\\d+$")).count();
            assertThat(Long.toString(n)).isEqualTo(expected);
            return;
        }
        if (action == Action.LIST_DEPOTS) {
            long n = f.depots.list(c, DepotFilter.all(), 500, null).items().stream()
                    .filter(d -> d.code().matches(".*-0\\d$") || d.code().equals("CENTRAL-RESERVE")).count();
            assertThat(Long.toString(n)).isEqualTo(expected);
            return;
        }
        switch (expected) {
            case OK -> assertThatCode(() -> run.accept(c)).doesNotThrowAnyException();
            case DENIED -> assertThatThrownBy(() -> run.accept(c)).isInstanceOf(AccessDeniedException.class);
            case HIDDEN -> assertThatThrownBy(() -> run.accept(c)).isInstanceOf(NotFoundException.class);
            default -> throw new IllegalArgumentException(expected);
        }
    }
}
