package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Threshold;

/** Minimum and reorder levels of a depot × item; {@link ThresholdWatch} posts LOW_STOCK against them. */
final class Thresholds {
    private final Ledger ledger;

    Thresholds(Ledger ledger) {
        this.ledger = ledger;
    }

    static Threshold map(ResultSet rs) throws SQLException {
        return new Threshold(rs.getLong("depot_id"), rs.getLong("item_id"), rs.getLong("minimum_level"),
                rs.getLong("reorder_level"));
    }

    Threshold set(Caller caller, Threshold t, String key) {
        Scope.requireStockWriter(caller);
        required("body", t);
        required("depotId", t.depotId());
        required("itemId", t.itemId());
        if (t.minimumLevel() == null || t.minimumLevel() < 0) {
            throw new ValidationException("minimumLevel", "minimumLevel must be zero or more");
        }
        if (t.reorderLevel() == null || t.reorderLevel() < t.minimumLevel()) {
            throw new ValidationException("reorderLevel", "reorderLevel must be at least minimumLevel");
        }
        try {
            write(caller, t, key);
        } finally {
            // after the commit (or rollback): low-stock checks from now on see this threshold
            ledger.thresholds.changed();
        }
        return t;
    }

    private void write(Caller caller, Threshold t, String key) {
        ledger.write(caller, key, "inventory.threshold", t, tx -> {
            Scope.requireWrite(caller, ledger.core.depotField(tx.c, caller, t.depotId(), "depotId"));
            ledger.core.item(tx.c, t.itemId(), "itemId");
            Threshold before = Jdbc.one(tx.c, "SELECT depot_id, item_id, minimum_level, reorder_level "
                    + "FROM tp_inv_threshold WHERE depot_id = ? AND item_id = ?", List.of(t.depotId(), t.itemId()),
                    Thresholds::map).orElse(null);
            if (before == null) {
                Jdbc.update(tx.c, "INSERT INTO tp_inv_threshold (depot_id, item_id, minimum_level, reorder_level, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?)", List.of(t.depotId(), t.itemId(), t.minimumLevel(),
                                t.reorderLevel(), tx.now));
            } else {
                Jdbc.update(tx.c, "UPDATE tp_inv_threshold SET minimum_level = ?, reorder_level = ?, updated_at = ? "
                        + "WHERE depot_id = ? AND item_id = ?", List.of(t.minimumLevel(), t.reorderLevel(), tx.now,
                                t.depotId(), t.itemId()));
            }
            ledger.audit.record(tx.c, caller, "threshold", t.depotId() + ":" + t.itemId(), "SET", before, t);
            return new Ref("threshold", t.depotId() + ":" + t.itemId());
        });
    }
}
