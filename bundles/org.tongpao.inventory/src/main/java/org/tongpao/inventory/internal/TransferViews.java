package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Transfer;

/** The transfers a caller sees: the reach and filter conditions both the paged list and the in-transit read use. */
final class TransferViews {
    /**
     * Transfers with both ends' depots and the receiving unit; a transfer to an org unit (1.5) has no receiving
     * depot: the unit's province stands in for it.
     */
    static final String FROM = Transfers.SELECT + "JOIN tp_core_v1_depot df ON df.id = t.from_depot_id "
            + "LEFT JOIN tp_core_v1_depot dt ON dt.id = t.to_depot_id "
            + "LEFT JOIN tp_core_v1_org_unit ut ON ut.id = t.to_org_unit_id";

    private TransferViews() {
    }

    /** Every transfer in transit the caller sees, unpaged and in no set order (no Derby sort), on {@code c}. */
    static List<Transfer> inTransit(Connection c, Caller caller) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!filter(caller, Transfer.Status.IN_TRANSIT, null, where, params)) {
            return List.of();
        }
        return Jdbc.query(c, FROM + where, params, Transfers::map);
    }

    /**
     * Appends to {@code where} (on {@link #FROM}) the caller's reach and the filters, each may be null; false: the
     * caller sees no transfer at all.
     */
    static boolean filter(Caller caller, Transfer.Status status, Long depotId, StringBuilder where,
            List<Object> params) {
        switch (ScopeRules.readReach(caller)) {
            case ALL -> { }
            case PROVINCE -> {
                where.append(" AND (df.province_code = ? OR COALESCE(dt.province_code, ut.province_code) = ?)");
                params.add(caller.provinceCode());
                params.add(caller.provinceCode());
            }
            case DEPOT -> {
                where.append(" AND (df.code = ? OR dt.code = ?)");
                params.add(caller.depotCode());
                params.add(caller.depotCode());
            }
            default -> {
                return false;
            }
        }
        if (status != null) {
            where.append(" AND t.transfer_status = ?");
            params.add(status.name());
        }
        if (depotId != null) {
            where.append(" AND (t.from_depot_id = ? OR t.to_depot_id = ?)");
            params.add(depotId);
            params.add(depotId);
        }
        return true;
    }
}
