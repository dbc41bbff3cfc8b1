package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.DepotLocks;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * What the stock engine reads of core's records: depots, items, org units, categories. Like all of the
 * bundle's SQL it reads core's published views ({@code tp_core_v1_*}, capability {@code tongpao.schema=core}
 * 1.x), never core's tables; the shared lock on a depot row is core's own {@link DepotLocks}.
 */
final class CoreLookups {

    /** An item as far as stock is concerned. */
    record ItemRef(long id, String code, String categoryCode, Integer shelfLifeMonths) {
    }

    private final LedgerOwnership owners;

    CoreLookups(LedgerOwnership owners) {
        this.owners = owners;
    }

    private static final String DEPOT_SELECT = "SELECT id, code, province_code, active FROM tp_core_v1_depot ";
    private static final String ITEM_SELECT = "SELECT id, code, category_code, shelf_life_months FROM tp_core_v1_item ";

    private static DepotRef mapDepot(ResultSet rs) throws SQLException {
        return new DepotRef(rs.getLong("id"), rs.getString("code"), rs.getString("province_code"),
                rs.getBoolean("active"));
    }

    private static ItemRef mapItem(ResultSet rs) throws SQLException {
        return new ItemRef(rs.getLong("id"), rs.getString("code"), rs.getString("category_code"),
                Sql.getInteger(rs, "shelf_life_months"));
    }

    DepotRef depot(Connection c, long id) throws SQLException {
        return Jdbc.one(c, DEPOT_SELECT + "WHERE id = ?", List.of(id), CoreLookups::mapDepot).orElse(null);
    }

    /** A depot by its code, as records travel between nodes (null when this node has no such depot). */
    DepotRef depotByCode(Connection c, String code) throws SQLException {
        return Jdbc.one(c, DEPOT_SELECT + "WHERE code = ?", List.of(code), CoreLookups::mapDepot).orElse(null);
    }

    /** An item by its code, as records travel between nodes: unknown is a 400 naming the field. */
    ItemRef itemByCode(Connection c, String code, String field) throws SQLException {
        return Jdbc.one(c, ITEM_SELECT + "WHERE code = ?", List.of(code), CoreLookups::mapItem)
                .orElseThrow(() -> new ValidationException(field, "no item with code " + code));
    }

    /**
     * A depot named in a request body: unknown or outside the caller's read scope is the same 404 naming the
     * field ({@link ScopeRules#visibleField}).
     */
    DepotRef depotField(Connection c, Caller caller, Long id, String field) throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(depot(c, id)), d -> Scope.canRead(caller, d), field, id);
    }

    /**
     * A depot named in a request body that stock goes into or out of: unknown or invisible is a 404 naming the
     * field; its row keeps a shared lock until the write commits. Writers share it; core's deactivation
     * updates the row and so waits until every write already using the depot has committed (then its usage
     * check sees their stock), and a write that starts after the update waits for the deactivation (then sees
     * it inactive, or active again after its 409). Call it before the write touches any balance, so no lock is
     * held that the deactivation's check could wait for. Check {@link #requireActive} after the scope check.
     */
    DepotRef stockDepotField(Connection c, Caller caller, Long id, String field) throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(lockedDepot(c, id)), d -> Scope.canRead(caller, d), field,
                id);
    }

    /**
     * A depot stock is sent to from {@code source} (a transfer, a reservation's dispatch), locked like
     * {@link #stockDepotField}: unknown, or outside what the caller may target from {@code source}
     * ({@link ScopeRules#canTarget}), is the same 404 naming the field.
     */
    DepotRef targetDepotField(Connection c, Caller caller, DepotRef source, Long id, String field)
            throws SQLException {
        return ScopeRules.visibleField(Optional.ofNullable(lockedDepot(c, id)),
                d -> ScopeRules.canTarget(caller, source.provinceCode(), d.provinceCode()), field, id);
    }

    /** A depot named by code that stock goes into or out of, locked like {@link #stockDepotField}; unknown: 400. */
    DepotRef stockDepotByCode(Connection c, String code, String field) throws SQLException {
        long id = Jdbc.one(c, "SELECT id FROM tp_core_v1_depot WHERE code = ?", List.of(code), rs -> rs.getLong(1))
                .orElseThrow(() -> new ValidationException(field, "no depot with code " + code));
        return lockedDepot(c, id);
    }

    private static DepotRef lockedDepot(Connection c, Long id) throws SQLException {
        DepotLocks.LockedDepot d = DepotLocks.lockShared(c, id);
        return d == null ? null : new DepotRef(d.id(), d.code(), d.provinceCode(), d.active());
    }

    /**
     * The depot a write moves stock into or out of, named in its body: unknown or invisible is a 404 naming the
     * field, one the caller may not write to a 403, one whose ledger another node keeps a 409, an inactive one a
     * 400; locked like {@link #stockDepotField}.
     */
    DepotRef writableStockDepot(Tx tx, Long id, String field) throws SQLException {
        DepotRef depot = stockDepotField(tx.c, tx.caller, id, field);
        Scope.requireWrite(tx.caller, depot);
        owners.requireKeptHere(depot, field);
        return requireActive(depot, field);
    }

    /** An inactive depot takes and gives no stock: 400 naming the field. */
    static DepotRef requireActive(DepotRef d, String field) {
        if (!d.active()) {
            throw new ValidationException(field, "depot " + d.code() + " is inactive");
        }
        return d;
    }

    /** An item named in a request: unknown is a 400 naming the field. */
    ItemRef item(Connection c, Long id, String field) throws SQLException {
        ItemRef item = Jdbc.one(c, ITEM_SELECT + "WHERE id = ?", List.of(id), CoreLookups::mapItem).orElse(null);
        if (item == null) {
            throw new ValidationException(field, "no item with id " + id);
        }
        return item;
    }

    /**
     * An org unit stock goes to from {@code source} (an issue): unknown, or outside what the caller may target
     * from the source depot ({@link ScopeRules#canTarget}), is the same 404 naming the field.
     */
    void requireOrgUnit(Connection c, Caller caller, DepotRef source, Long id, String field) throws SQLException {
        Optional<String[]> unit = Optional.ofNullable(Jdbc.one(c,
                "SELECT province_code FROM tp_core_v1_org_unit WHERE id = ?", List.of(id),
                rs -> new String[] {rs.getString(1)}).orElse(null));
        ScopeRules.visibleField(unit, u -> ScopeRules.canTarget(caller, source.provinceCode(), u[0]), field, id);
    }

    /**
     * An org unit as the receiving end of a transfer (1.5): its code and province, active or not, in the shape of
     * a depot reference so the read scope of depots applies to it; null when there is no such unit.
     */
    DepotRef unitAsDestination(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT id, code, province_code, active FROM tp_core_v1_org_unit WHERE id = ?", List.of(id),
                CoreLookups::mapDepot).orElse(null);
    }

    /**
     * An org unit goods may be sent to on an approved route (1.5): unknown is a 404, inactive or at the ministry
     * a 400, one whose province another node keeps (federation) a 409, each naming the field.
     */
    DepotRef targetUnitField(Connection c, long id, String field) throws SQLException {
        DepotRef unit = unitAsDestination(c, id);
        if (unit == null) {
            throw NotFoundException.ofField(field, id);
        }
        if (!unit.active()) {
            throw new ValidationException(field, "org unit " + unit.code() + " is inactive");
        }
        if (unit.provinceCode() == null) {
            throw new ValidationException(field, "org unit " + unit.code() + " belongs to no province");
        }
        Optional<String> node = owners.remoteOwner(unit.provinceCode());
        if (node.isPresent()) {
            throw new ConflictException(field, "org unit " + unit.code() + " is in province " + unit.provinceCode()
                    + ", whose stock node " + node.get() + " keeps: deliver through a depot there");
        }
        return unit;
    }

    boolean categoryExists(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_core_v1_category WHERE code = ?", List.of(code)) > 0;
    }
}
