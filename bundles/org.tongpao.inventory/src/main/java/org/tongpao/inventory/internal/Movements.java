package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.optionalText;
import static org.tongpao.core.Checks.positive;
import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tongpao.core.Caller;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.Destination;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.internal.CoreLookups.ItemRef;
import org.tongpao.inventory.internal.Picker.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/** The single-posting writes: receipts (a new lot), issues (FEFO), adjustments and write-offs of one lot. */
final class Movements {
    private final Ledger ledger;
    private final Designations designations;

    Movements(Ledger ledger, Designations designations) {
        this.ledger = ledger;
        this.designations = designations;
    }

    /** A receipt's text fields as checked: the source document (required) and the note. */
    record ReceiptText(String source, String note) {
    }

    /** The checks of a receipt's body that need no database (also each line of {@link BulkReceipts}). */
    static ReceiptText checkReceipt(Caller caller, NewReceipt r) {
        requireStockLine(caller, r, r.depotId(), r.itemId(), r.quantity());
        required("origin", r.origin());
        String source = optionalText("sourceDocument", r.sourceDocument(), 128);
        required("sourceDocument", source);
        return new ReceiptText(source, optionalText("note", r.note(), 500));
    }

    /** A shelf-life item's receipt needs an expiry date, and none may have passed. */
    static void checkExpiry(NewReceipt r, ItemRef item, java.time.LocalDate today) {
        if (item.shelfLifeMonths() != null && r.expiryDate() == null) {
            throw new ValidationException("expiryDate", "item " + item.code() + " has a shelf life: expiryDate is required");
        }
        if (r.expiryDate() != null && r.expiryDate().isBefore(today)) {
            throw new ValidationException("expiryDate", "expiryDate " + r.expiryDate() + " has already passed");
        }
    }

    Lot receive(Caller caller, NewReceipt r, String key) {
        ReceiptText text = checkReceipt(caller, r);
        String source = text.source();
        String note = text.note();
        return ledger.write(caller, key, "inventory.receipt", r, tx -> {
            DepotRef depot = ledger.core.writableStockDepot(tx, r.depotId(), "depotId");
            ItemRef item = ledger.core.item(tx.c, r.itemId(), "itemId");
            checkExpiry(r, item, tx.today);
            Designation designation = designations.normalize(tx.c, r.designation());
            long lotId = ledger.lots.create(tx, item.id(), depot.id(), r.origin(), source, r.expiryDate(), null,
                    r.quantity(), designation);
            long postingId = ledger.postings.open(tx, "receipt", depot.id());
            ledger.balances.put(tx, lotId, r.quantity());
            ledger.postings.move(tx, postingId, MovementType.RECEIPT, depot.id(), item.id(), lotId, r.quantity(), null,
                    null, null, source, note);
            Lot lot = ledger.lots.lot(tx.c, lotId);
            ledger.audit.record(tx.c, caller, "lot", Long.toString(lotId), "RECEIVE", null, lot);
            ledger.events.movement(tx, postingId, "receipt", depot.id());
            tx.result = lot;
            return new Ref("lot", Long.toString(lotId));
        }, Lot.class, (c, ref) -> ledger.lots.lot(c, Long.parseLong(ref.id())));
    }

    /** A write of a quantity of an item into or out of a depot: the fields every such body needs. */
    private static void requireStockLine(Caller caller, Object body, Long depotId, Long itemId, Long quantity) {
        Scope.requireStockWriter(caller);
        required("body", body);
        required("depotId", depotId);
        required("itemId", itemId);
        positive("quantity", quantity);
    }

    Posting issue(Caller caller, NewIssue r, String key) {
        requireStockLine(caller, r, r.depotId(), r.itemId(), r.quantity());
        required("orgUnitId", r.orgUnitId());
        String source = optionalText("sourceDocument", r.sourceDocument(), 128);
        String note = optionalText("note", r.note(), 500);
        return ledger.write(caller, key, "inventory.issue", r, tx -> {
            DepotRef depot = ledger.core.writableStockDepot(tx, r.depotId(), "depotId");
            ledger.core.requireOrgUnit(tx.c, caller, depot, r.orgUnitId(), "orgUnitId");
            Destination to = Destination.unit(r.orgUnitId());
            Designations.Gate gate = designations.gate(tx, to, r.overrideReason(), "orgUnitId");
            List<Pick> picks = ledger.picker.pick(tx, depot.id(), r.itemId(), "itemId", r.quantity(), r.lotId(),
                    "lotId", false, gate);
            long postingId = ledger.postings.open(tx, "issue", depot.id());
            for (Pick p : picks) {
                ledger.postings.move(tx, postingId, MovementType.ISSUE, depot.id(), r.itemId(), p.lotId(),
                        -p.quantity(), null, r.orgUnitId(), null, source, note);
            }
            designations.recordOverrides(tx, gate, picks, "issue", postingId, null, to);
            return posted(tx, postingId, "issue", depot.id(), "ISSUE", r);
        }, Posting.class, this::posting);
    }

    Posting adjust(Caller caller, NewAdjustment r, String key) {
        requireLotWrite(caller, r, r.lotId());
        required("quantity", r.quantity());
        required("reason", r.reason());
        long q = r.quantity();
        if (q == 0) {
            throw new ValidationException("quantity", "quantity must not be zero");
        }
        if ((r.reason() == AdjustmentReason.DAMAGE || r.reason() == AdjustmentReason.LOSS) && q > 0) {
            throw new ValidationException("quantity", r.reason() + " adjustments take stock off: quantity must be negative");
        }
        if (r.reason() == AdjustmentReason.FOUND && q < 0) {
            throw new ValidationException("quantity", "FOUND adjustments add stock: quantity must be positive");
        }
        String source = optionalText("sourceDocument", r.sourceDocument(), 128);
        String note = optionalText("note", r.note(), 500);
        return ledger.write(caller, key, "inventory.adjustment", r, tx -> oneLot(tx, r.lotId(), "adjustment",
                MovementType.ADJUSTMENT, q, r.reason().name(), source, note, "ADJUST", r), Posting.class,
                this::posting);
    }

    Posting writeOff(Caller caller, NewWriteOff r, String key) {
        requireLotWrite(caller, r, r.lotId());
        positive("quantity", r.quantity());
        required("reason", r.reason());
        String source = optionalText("sourceDocument", r.sourceDocument(), 128);
        String note = optionalText("note", r.note(), 500);
        return ledger.write(caller, key, "inventory.write-off", r, tx -> oneLot(tx, r.lotId(), "write-off",
                MovementType.WRITE_OFF, -r.quantity(), r.reason().name(), source, note, "WRITE_OFF", r),
                Posting.class, this::posting);
    }

    private static void requireLotWrite(Caller caller, Object body, Long lotId) {
        Scope.requireStockWriter(caller);
        required("body", body);
        required("lotId", lotId);
    }

    /** One signed movement of a lot named in the body (unknown or invisible: the same 404, never a 403). */
    private Ref oneLot(Tx tx, Long lotId, String operation, MovementType type, long q, String reason, String source,
            String note, String auditAction, Object request) throws SQLException {
        Lot lot = ledger.lots.visible(tx, lotId, "lotId");
        DepotRef depot = ledger.core.depot(tx.c, lot.depotId());
        Scope.requireWrite(tx.caller, depot);
        ledger.owners.requireKeptHere(depot, "lotId");
        long postingId = ledger.postings.open(tx, operation, lot.depotId());
        ledger.balances.addSigned(tx, lot, q);
        ledger.postings.move(tx, postingId, type, lot.depotId(), lot.itemId(), lot.id(), q, reason, null, null, source,
                note);
        return posted(tx, postingId, operation, lot.depotId(), auditAction, request);
    }

    /** Audits the posting, announces it and leaves it as the write's answer. */
    private Ref posted(Tx tx, long postingId, String operation, long depotId, String auditAction, Object request)
            throws SQLException {
        ledger.audit.record(tx.c, tx.caller, "posting", Long.toString(postingId), auditAction, null, request);
        ledger.events.movement(tx, postingId, operation, depotId);
        tx.result = ledger.postings.built(tx, postingId, operation, depotId);
        return new Ref("posting", Long.toString(postingId));
    }

    private Posting posting(Connection c, Ref ref) throws SQLException {
        return ledger.postings.load(c, Long.parseLong(ref.id()));
    }
}
