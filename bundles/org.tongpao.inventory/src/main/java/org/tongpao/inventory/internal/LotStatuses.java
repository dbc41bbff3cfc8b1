package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.optionalText;
import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.internal.Scope.DepotRef;

/** One lot read by id, and its status changes (quarantine, recall, expire, release), audited. */
final class LotStatuses {
    private final Ledger ledger;

    LotStatuses(Ledger ledger) {
        this.ledger = ledger;
    }

    Lot lot(Caller caller, long id) {
        return ledger.read(c -> {
            Lot lot = existing(c, id);
            Scope.requireRead(caller, ledger.core.depot(c, lot.depotId()), "lot", id);
            return lot;
        });
    }

    private Lot existing(Connection c, long id) throws SQLException {
        Lot lot = ledger.lots.lot(c, id);
        if (lot == null) {
            throw new NotFoundException("lot", id);
        }
        return lot;
    }

    Lot change(Caller caller, long id, LotStatusChange change, String key) {
        Scope.requireStockWriter(caller);
        required("body", change);
        required("status", change.status());
        String reason = optionalText("reason", change.reason(), 500);
        required("reason", reason);
        ledger.write(caller, key, "inventory.lot-status:" + id, change, tx -> {
            Lot lot = existing(tx.c, id);
            DepotRef depot = ledger.core.depot(tx.c, lot.depotId());
            Scope.requireRead(caller, depot, "lot", id);
            Scope.requireWrite(caller, depot);
            ledger.owners.requireKeptHere(depot, null);
            if (lot.status() == change.status()) {
                return new Ref("lot", Long.toString(id));
            }
            Jdbc.update(tx.c, "UPDATE tp_inv_lot SET lot_status = ? WHERE id = ?", List.of(change.status(), id));
            Map<String, Object> after = new HashMap<>();
            after.put("lot", ledger.lots.lot(tx.c, id));
            after.put("reason", reason);
            ledger.audit.record(tx.c, caller, "lot", Long.toString(id), "STATUS_" + change.status(), lot, after);
            if (change.status() != LotStatus.AVAILABLE) {
                tx.lowered(lot.depotId(), lot.itemId());
            }
            ledger.events.lotStatus(tx, id, lot.depotId(), lot.itemId(), change.status(), lot.status());
            return new Ref("lot", Long.toString(id));
        });
        return ledger.read(c -> ledger.lots.lot(c, id));
    }
}
