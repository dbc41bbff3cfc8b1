package org.tongpao.inventory.internal;

import static org.tongpao.core.Checks.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.CrossNodeTransfer;
import org.tongpao.inventory.CrossNodeTransfer.Line;
import org.tongpao.inventory.CrossNodeTransfer.Role;
import org.tongpao.inventory.CrossNodeTransferListener;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.Picker.Pick;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * The rules of transfers whose other end is on another node: each node writes only its own document (the
 * sender its transfer-out, the receiver its inbound transfer), central records what it forwards, and the
 * events that federation turns into messages are recorded in the same transaction.
 */
final class CrossNode {
    private final Ledger ledger;
    private final Ownership ownership;

    CrossNode(Ledger ledger, Ownership ownership) {
        this.ledger = ledger;
        this.ownership = ownership;
    }

    /** After a transfer-out: when another node keeps the receiving depot, the record and the dispatch event. */
    void afterTransferOut(Tx tx, long transferId, long fromDepotId, long toDepotId, long itemId, List<Pick> picks,
            String reference) throws SQLException {
        DepotRef to = ledger.core.depot(tx.c, toDepotId);
        Optional<String> owner = ownership.remoteOwner(to.provinceCode());
        if (owner.isEmpty()) {
            return;
        }
        DepotRef from = ledger.core.depot(tx.c, fromDepotId);
        String itemCode = Jdbc.one(tx.c, "SELECT code FROM tp_core_v1_item WHERE id = ?", List.of(itemId),
                rs -> rs.getString(1)).orElseThrow();
        List<Line> lines = new ArrayList<>();
        for (Pick p : picks) {
            Object[] lot = Jdbc.one(tx.c, "SELECT expiry_date, origin, source_document, " + Designations.COLUMNS
                    + " FROM tp_inv_lot WHERE id = ?", List.of(p.lotId()), rs -> new Object[] {
                        Jdbc.localDate(rs, "expiry_date"), rs.getString("origin"), rs.getString("source_document"),
                        Designations.read(rs)}).orElseThrow();
            // the lot's designation travels by codes: the receiver's lot inherits it (1.7)
            lines.add(new Line(lines.size() + 1, itemCode, p.quantity(), (java.time.LocalDate) lot[0], (String) lot[1],
                    (String) lot[2], ownership.node() + "/" + p.lotId(), 0, 0, 0,
                    Designations.toNode(tx.c, (org.tongpao.inventory.Designation) lot[3])));
        }
        CrossNodeTransfer sent = new CrossNodeTransfer(ownership.node() + "/" + transferId, Role.SENT, transferId,
                ownership.node(), owner.get(), from.code(), to.code(), itemCode,
                picks.stream().mapToLong(Pick::quantity).sum(), Transfer.Status.IN_TRANSIT, 0, 0, reference, tx.now,
                null, lines);
        CrossNodeBook.insert(tx.c, sent, from.provinceCode(), to.provinceCode());
        ledger.events.crossNodeDispatched(tx, sent);
    }

    /** This node's record of its transfer {@code transferId}, or null for a transfer within this node. */
    static CrossNodeTransfer of(Connection c, long transferId) throws SQLException {
        return CrossNodeBook.byTransfer(c, transferId);
    }

    /** The sender may not receive what it sent to another node: 409 naming the receiving node. */
    static void requireReceivedHere(CrossNodeTransfer x) {
        if (x != null && x.role() == Role.SENT) {
            throw new ConflictException("Transfer " + x.transferId() + " goes to depot " + x.toDepotCode()
                    + ", kept by node " + x.toNode() + ": it is received there, and closes here when that node's "
                    + "receipt arrives");
        }
    }

    /** After this node received an inbound transfer: the counts per line, and the event telling the sender. */
    void afterInboundReceipt(Tx tx, CrossNodeTransfer x, List<Line> counted) throws SQLException {
        if (!CrossNodeBook.markReceived(tx.c, x.id(), counted, tx.now)) {
            throw new ConflictException("Transfer " + x.transferId() + " has already been received");
        }
        ledger.events.crossNodeReceived(tx, x.id(), x.fromNode(), counted);
    }

    CrossNodeTransfer accept(Caller sender, CrossNodeTransfer d, List<CrossNodeTransferListener> listeners) {
        validate(d);
        Map<String, Object> request = Map.of("id", d.id());
        ledger.write(sender, null, "inventory.cross-node.accept", request, tx -> {
            if (CrossNodeBook.byId(tx.c, d.id()) != null) {
                return new Ref("cross-node-transfer", d.id()); // a repeat: the first changed everything
            }
            DepotRef from = knownDepot(tx.c, d.fromDepotCode(), "fromDepot");
            DepotRef to = knownDepot(tx.c, d.toDepotCode(), "toDepot");
            // a node speaks only about its own depots: a province's link sends only from that province's
            Scope.requireWrite(sender, from);
            ledger.core.itemByCode(tx.c, d.itemCode(), "itemCode");
            Optional<String> owner = ownership.remoteOwner(to.provinceCode());
            if (owner.isPresent() && !ownership.isCentral()) {
                throw new ConflictException("Depot " + to.code() + " is kept by node " + owner.get() + ", not by "
                        + ownership.node());
            }
            for (Line l : d.lines()) { // a unit not known here yet parks the message until master data brings it
                Designations.fromNode(tx.c, l.designation(), "lines[" + l.lineNo() + "].designation");
            }
            Long transferId = owner.isPresent() ? null : inbound(tx, d, from, to);
            CrossNodeTransfer x = new CrossNodeTransfer(d.id(), owner.isPresent() ? Role.FORWARDED : Role.INBOUND,
                    transferId, d.fromNode(), owner.orElse(ownership.node()), from.code(), to.code(), d.itemCode(),
                    d.quantity(), Transfer.Status.IN_TRANSIT, 0, 0, d.reference(), d.dispatchedAt(), null, d.lines());
            CrossNodeBook.insert(tx.c, x, from.provinceCode(), to.provinceCode());
            ledger.audit.record(tx.c, sender, "cross-node-transfer", d.id(), "ACCEPT", null, x);
            for (CrossNodeTransferListener l : listeners) {
                l.dispatched(tx.c, sender, x);
            }
            return new Ref("cross-node-transfer", d.id());
        });
        return ledger.read(c -> CrossNodeBook.byId(c, d.id()));
    }

    private static void validate(CrossNodeTransfer d) {
        required("body", d);
        required("id", d.id());
        required("fromNode", d.fromNode());
        if (!d.id().startsWith(d.fromNode() + "/")) {
            throw new ValidationException("id", "a cross-node transfer's id starts with its sending node " + d.fromNode());
        }
        required("fromDepot", d.fromDepotCode());
        required("toDepot", d.toDepotCode());
        required("itemCode", d.itemCode());
        required("dispatchedAt", d.dispatchedAt());
        if (d.lines() == null || d.lines().isEmpty()) {
            throw new ValidationException("lines", "a transfer sends at least one line");
        }
        for (Line l : d.lines()) {
            if (l.quantity() <= 0 || !d.itemCode().equals(l.itemCode())) {
                throw new ValidationException("lines", "line " + l.lineNo() + " must send a positive quantity of "
                        + d.itemCode());
            }
        }
        if (d.lines().stream().mapToLong(Line::quantity).sum() != d.quantity()) {
            throw new ValidationException("quantity", "the lines do not add up to " + d.quantity());
        }
    }

    private DepotRef knownDepot(Connection c, String code, String field) throws SQLException {
        DepotRef d = ledger.core.depotByCode(c, code);
        if (d == null) {
            // master data comes from central: a depot not received yet parks the message until it is
            throw new ValidationException(field, "no depot with code " + code + " on node " + ownership.node());
        }
        return d;
    }

    /** The receiver's own document: a transfer in transit into its depot, source remote (no local lots). */
    private long inbound(Tx tx, CrossNodeTransfer d, DepotRef from, DepotRef to) throws SQLException {
        long itemId = ledger.core.itemByCode(tx.c, d.itemCode(), "itemCode").id();
        String source = d.reference() != null ? d.reference() : d.id();
        return Jdbc.insert(tx.c, "INSERT INTO tp_inv_transfer (from_depot_id, to_depot_id, item_id, quantity, "
                + "transfer_status, received_quantity, damaged_quantity, source_document, note, dispatched_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?)", List.of(from.id(), to.id(), itemId, d.quantity(),
                        Transfer.Status.IN_TRANSIT.name(), source, "from node " + d.fromNode(), d.dispatchedAt()));
    }

    CrossNodeTransfer receipt(Caller receiver, String id, List<Line> counted, Instant receivedAt,
            List<CrossNodeTransferListener> listeners) {
        required("id", id);
        required("receivedAt", receivedAt);
        ledger.write(receiver, null, "inventory.cross-node.receipt", Map.of("id", id), tx -> {
            CrossNodeTransfer x = CrossNodeBook.byId(tx.c, id);
            if (x == null) {
                throw new NotFoundException("cross-node transfer", id);
            }
            if (x.role() == Role.INBOUND) {
                throw new ConflictException("Transfer " + id + " is received on this node, not by another");
            }
            DepotRef to = knownDepot(tx.c, x.toDepotCode(), "toDepot");
            Scope.requireWrite(receiver, to); // only the receiving depot's node reports its receipt
            List<Line> lines = checked(x, counted);
            if (x.status() == Transfer.Status.RECEIVED) {
                if (!sameCounts(x.lines(), lines)) {
                    throw new ConflictException("Transfer " + id + " was received already with other figures");
                }
                return new Ref("cross-node-transfer", id); // a repeat changes nothing
            }
            if (!CrossNodeBook.markReceived(tx.c, id, lines, receivedAt)) {
                throw new ConflictException("Transfer " + id + " was received concurrently");
            }
            if (x.role() == Role.SENT) {
                closeTransferOut(tx, x, lines, receivedAt);
            }
            CrossNodeTransfer closed = CrossNodeBook.byId(tx.c, id);
            ledger.audit.record(tx.c, receiver, "cross-node-transfer", id, "RECEIVED", x, closed);
            for (CrossNodeTransferListener l : listeners) {
                l.received(tx.c, receiver, closed);
            }
            return new Ref("cross-node-transfer", id);
        });
        return ledger.read(c -> CrossNodeBook.byId(c, id));
    }

    /** The counts in the record's line order; every line once, received + short = sent, damaged ≤ received. */
    private static List<Line> checked(CrossNodeTransfer x, List<Line> counted) {
        if (counted == null || counted.size() != x.lines().size()) {
            throw new ValidationException("lines", "a receipt counts each of the " + x.lines().size() + " lines once");
        }
        Map<Integer, Line> byNo = new HashMap<>();
        counted.forEach(l -> byNo.put(l.lineNo(), l));
        List<Line> out = new ArrayList<>();
        for (Line sent : x.lines()) {
            Line c = byNo.get(sent.lineNo());
            if (c == null || c.receivedQuantity() < 0 || c.damagedQuantity() < 0 || c.shortQuantity() < 0
                    || c.receivedQuantity() + c.shortQuantity() != sent.quantity()
                    || c.damagedQuantity() > c.receivedQuantity()) {
                throw new ValidationException("lines", "line " + sent.lineNo() + ": received + short must be "
                        + sent.quantity() + " and damaged at most received");
            }
            out.add(new Line(sent.lineNo(), sent.itemCode(), sent.quantity(), sent.expiryDate(), sent.origin(),
                    sent.sourceDocument(), sent.lot(), c.receivedQuantity(), c.shortQuantity(), c.damagedQuantity(),
                    sent.designation()));
        }
        return out;
    }

    private static boolean sameCounts(List<Line> recorded, List<Line> counted) {
        for (int i = 0; i < recorded.size(); i++) {
            Line a = recorded.get(i);
            Line b = counted.get(i);
            if (a.receivedQuantity() != b.receivedQuantity() || a.damagedQuantity() != b.damagedQuantity()
                    || a.shortQuantity() != b.shortQuantity()) {
                return false;
            }
        }
        return true;
    }

    /** The sender's transfer-out closes: no movement here (the goods are in the receiver's ledger now). */
    private void closeTransferOut(Tx tx, CrossNodeTransfer x, List<Line> lines, Instant receivedAt)
            throws SQLException {
        Transfer before = Transfers.load(tx.c, x.transferId());
        Jdbc.update(tx.c, "UPDATE tp_inv_transfer SET transfer_status = ?, received_quantity = ?, damaged_quantity = ?, "
                + "received_at = ? WHERE id = ? AND transfer_status = ?", List.of(Transfer.Status.RECEIVED.name(),
                        lines.stream().mapToLong(Line::receivedQuantity).sum(),
                        lines.stream().mapToLong(Line::damagedQuantity).sum(), receivedAt, x.transferId(),
                        Transfer.Status.IN_TRANSIT.name()));
        ledger.audit.record(tx.c, tx.caller, "transfer", Long.toString(x.transferId()), "RECEIVED-REMOTE", before,
                Transfers.load(tx.c, x.transferId()));
    }

    CrossNodeTransfer get(Caller caller, String id) {
        return ledger.read(c -> {
            CrossNodeTransfer x = CrossNodeBook.byId(c, id);
            ScopeRules.requireVisible(x != null && (readable(c, caller, x.fromDepotCode())
                    || readable(c, caller, x.toDepotCode())), "Cross-node transfer", id);
            return x;
        });
    }

    private boolean readable(Connection c, Caller caller, String depotCode) throws SQLException {
        DepotRef d = ledger.core.depotByCode(c, depotCode);
        return d != null && Scope.canRead(caller, d);
    }

    /** The records the caller sees, those with a depot in {@code province} when given. */
    Page<CrossNodeTransfer> list(Caller caller, String province, Transfer.Status status, int limit, String cursor) {
        return ledger.read(c -> CrossNodeBook.list(c, caller, province, status, limit, cursor));
    }

    /**
     * A rebuilt node's own transfer-out, still in transit at central, recorded again under its own id: the transfer
     * and the record only, no movement (central's replica, from which the stock was restored, already lacks the goods).
     */
    CrossNodeTransfer restoreSent(Caller caller, CrossNodeTransfer s) {
        validate(s);
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("only the rebuild, as central, restores a transfer-out");
        }
        if (!s.fromNode().equals(ownership.node())) {
            throw new ValidationException("fromNode", "only a transfer node " + ownership.node() + " sent is restored here");
        }
        long transferId = idHere(s.id());
        ledger.write(caller, null, "inventory.cross-node.restore", Map.of("id", s.id()), tx -> {
            if (CrossNodeBook.byId(tx.c, s.id()) != null) {
                return new Ref("cross-node-transfer", s.id()); // restored already: a resumed page
            }
            DepotRef from = knownDepot(tx.c, s.fromDepotCode(), "fromDepot");
            DepotRef to = knownDepot(tx.c, s.toDepotCode(), "toDepot");
            Optional<String> owner = ownership.remoteOwner(to.provinceCode());
            if (ownership.remoteOwner(from.provinceCode()).isPresent() || owner.isEmpty()) {
                throw new ConflictException("Transfer " + s.id() + " does not leave a depot of this node for another node's");
            }
            if (Jdbc.count(tx.c, "SELECT COUNT(*) FROM tp_inv_transfer WHERE id = ?", List.of(transferId)) > 0) {
                throw new ConflictException("Transfer " + transferId + " exists on this node already");
            }
            long itemId = ledger.core.itemByCode(tx.c, s.itemCode(), "itemCode").id();
            Jdbc.update(tx.c, "INSERT INTO tp_inv_transfer (id, from_depot_id, to_depot_id, item_id, quantity, "
                    + "transfer_status, received_quantity, damaged_quantity, source_document, note, dispatched_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)", java.util.Arrays.asList(transferId, from.id(), to.id(),
                            itemId, s.quantity(), Transfer.Status.IN_TRANSIT.name(), s.reference(),
                            "restored from central", s.dispatchedAt()));
            CrossNodeTransfer x = new CrossNodeTransfer(s.id(), Role.SENT, transferId, s.fromNode(), owner.get(),
                    from.code(), to.code(), s.itemCode(), s.quantity(), Transfer.Status.IN_TRANSIT, 0, 0, s.reference(),
                    s.dispatchedAt(), null, s.lines());
            CrossNodeBook.insert(tx.c, x, from.provinceCode(), to.provinceCode());
            ledger.audit.record(tx.c, caller, "cross-node-transfer", s.id(), "RESTORED", null, x);
            return new Ref("cross-node-transfer", s.id());
        });
        return ledger.read(c -> CrossNodeBook.byId(c, s.id()));
    }

    /** The sender's own transfer id: the number after the node in {@code <node>/<id>}. */
    private static long idHere(String id) {
        try {
            long n = Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ValidationException("id", "a transfer's id ends with the sender's transfer number: " + id);
    }
}
