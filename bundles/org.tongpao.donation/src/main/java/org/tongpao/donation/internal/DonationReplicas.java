package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationLine;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationReceiptLine;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.donation.DonorDesignation;

/**
 * Donations across nodes: the snapshot a node sends of its own donation, and the read-only copy another node (at
 * central) keeps of it, keyed by (node, id there). A copy is replaced whole by a newer snapshot ({@code asOf}) and
 * left alone by an older or equal one, so redeliveries and late copies change nothing. Writes to a copy are
 * refused where they come in ({@link Pledges#requireWrite}).
 */
final class DonationReplicas {
    static final String ENTITY = Pledges.ENTITY;
    private final DonationContext ctx;
    private final Pledges pledges;

    DonationReplicas(DonationContext ctx, Pledges pledges) {
        this.ctx = ctx;
        this.pledges = pledges;
    }

    // --- the keeping node: what it sends ---

    Optional<DonationSnapshot> snapshot(Connection c, long id) {
        try {
            Optional<DonationDao.Row> row = DonationDao.find(c, id);
            if (row.isEmpty() || row.get().sourceNode() != null) {
                return Optional.empty();
            }
            return Optional.of(snapshot(c, row.get()));
        } catch (SQLException e) {
            throw new org.tongpao.core.persistence.DataAccessException("reading donation " + id, e);
        }
    }

    List<DonationSnapshot> ofDonor(Connection c, long donorId) {
        try {
            List<DonationSnapshot> out = new ArrayList<>();
            for (DonationDao.Row r : Jdbc.query(c, "SELECT d.*, o.name AS donor_name, o.anonymous AS donor_anonymous, "
                    + "o.kind AS donor_kind FROM tp_don_donation d JOIN tp_don_donor o ON o.id = d.donor_id "
                    + "WHERE d.donor_id = ? AND d.source_node IS NULL ORDER BY d.id", args(donorId),
                    rs -> DonationDao.find(c, rs.getLong("id")).orElseThrow())) {
                out.add(snapshot(c, r));
            }
            return out;
        } catch (SQLException e) {
            throw new org.tongpao.core.persistence.DataAccessException("reading donor " + donorId, e);
        }
    }

    private DonationSnapshot snapshot(Connection c, DonationDao.Row r) throws SQLException {
        Instant erased = Jdbc.one(c, "SELECT erased_at FROM tp_don_donor WHERE id = ?", args(r.donorId()),
                rs -> Sql.getInstant(rs, "erased_at")).orElse(null);
        List<DonationLine> lines = DonationDao.lines(c, r.id());
        Map<Long, Integer> lineNo = new HashMap<>();
        lines.forEach(l -> lineNo.put(l.id(), l.lineNo()));
        List<DonationSnapshot.Receipt> receipts = new ArrayList<>();
        Instant asOf = later(r.updatedAt(), erased);
        for (DonationReceipt rc : ReceiptDao.forDonation(c, r.id(), r.number(), r.status())) {
            List<DonationSnapshot.ReceiptLine> rl = new ArrayList<>();
            for (DonationReceiptLine l : rc.lines()) {
                rl.add(new DonationSnapshot.ReceiptLine(lineNo.get(l.donationLineId()), l.itemCode(), l.priority(),
                        l.standard(), l.standardMatched(), l.certificatePresent(), l.certificateNumber(),
                        l.expiryDate(), l.packagingIntact(), l.acceptedQuantity(), l.rejectedQuantity(),
                        l.rejectReason(), l.disposition(), l.lotId()));
            }
            receipts.add(new DonationSnapshot.Receipt(rc.id(), rc.acknowledgementNumber(), rc.depotCode(),
                    rc.receivedOn(), rc.receivedBy(), rc.receivedAt(), rl));
            asOf = later(asOf, rc.receivedAt());
        }
        DonorDesignation d = r.designation();
        // an anonymous (or erased) donor's name stays on its node: the copy carries the label the public sees
        String donor = r.donorAnonymous() ? DonorDao.ANONYMOUS : r.donorName();
        return new DonationSnapshot(r.id(), r.number(), r.donorId(), donor, r.donorKind(), r.provinceCode(),
                r.pledged(), r.status(), r.expectedDate(), d == null ? null : d.kind(),
                d == null ? null : d.provinceCode(), d == null ? null : d.orgUnitCode(), r.note(), r.cancelReason(),
                r.createdBy(), r.createdAt(), r.updatedAt(), asOf,
                lines.stream().map(l -> new DonationSnapshot.Line(l.lineNo(), l.itemCode(), l.description(),
                        l.pledgedQuantity(), l.acceptedQuantity(), l.rejectedQuantity())).toList(), receipts);
    }

    /**
     * At central: the copy {@code copyId} as its node sent it — the node's donation id, number, donor id,
     * acknowledgement numbers and lot ids, as of what it last sent; receipt ids are not kept here (0).
     */
    DonationSnapshot asSent(Connection c, long copyId) throws SQLException {
        DonationDao.Row r = DonationDao.find(c, copyId).orElseThrow();
        String prefix = r.sourceNode() + "/";
        DonationSnapshot s = snapshot(c, r);
        long donor = Jdbc.one(c, "SELECT source_id FROM tp_don_donor WHERE id = ?", args(r.donorId()),
                rs -> rs.getLong(1)).orElseThrow();
        // in the order ReceiptDao reads them: receipts by id, their lines by id
        Iterator<Long> lots = Jdbc.query(c, "SELECT rl.source_lot_id FROM tp_don_receipt_line rl JOIN tp_don_receipt "
                + "r ON r.id = rl.receipt_id WHERE r.donation_id = ? ORDER BY r.id, rl.id", args(copyId),
                rs -> rs.getObject(1) == null ? null : rs.getLong(1)).iterator();
        List<DonationSnapshot.Receipt> receipts = new ArrayList<>();
        for (DonationSnapshot.Receipt rc : s.receipts()) {
            List<DonationSnapshot.ReceiptLine> lines = new ArrayList<>();
            for (DonationSnapshot.ReceiptLine l : rc.lines()) {
                lines.add(new DonationSnapshot.ReceiptLine(l.lineNo(), l.itemCode(), l.priority(), l.standard(),
                        l.standardMatched(), l.certificatePresent(), l.certificateNumber(), l.expiryDate(),
                        l.packagingIntact(), l.accepted(), l.rejected(), l.rejectReason(), l.disposition(),
                        lots.next()));
            }
            receipts.add(new DonationSnapshot.Receipt(0, unprefixed(prefix, rc.acknowledgementNumber()),
                    rc.depotCode(), rc.receivedOn(), rc.receivedBy(), rc.receivedAt(), lines));
        }
        return new DonationSnapshot(r.sourceId(), unprefixed(prefix, s.number()), donor, s.donorName(),
                s.donorKind(), s.provinceCode(), s.pledged(), s.status(), s.expectedDate(), s.designationKind(),
                s.designationProvince(), s.designationUnitCode(), s.note(), s.cancelReason(), s.createdBy(),
                s.createdAt(), s.updatedAt(), r.sourceAsOf(), s.lines(), receipts);
    }

    private static String unprefixed(String prefix, String number) {
        return number != null && number.startsWith(prefix) ? number.substring(prefix.length()) : number;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || (a != null && !b.isAfter(a)) ? a : b;
    }

    // --- the node keeping a copy (central) ---

    /** What a snapshot names, looked up by code with the link's scope before anything is written. */
    record Resolved(Map<String, Item> items, Map<String, Depot> depots, DonorDesignation designation) {
    }

    Donation replicate(Caller caller, String node, DonationSnapshot s) {
        ScopeRules.requireScopedWriter(caller, "donations");
        Checks.required("snapshot", s);
        String from = Checks.text("node", node, 64);
        Checks.text("number", s.number(), 20);
        Checks.required("status", s.status());
        Checks.required("donorKind", s.donorKind());
        Checks.required("asOf", s.asOf());
        if (s.provinceCode() == null) {
            throw new ValidationException("provinceCode", "a donation copied from " + from + " names its province");
        }
        ScopeRules.requireWriteProvince(caller, s.provinceCode(), "donations");
        Resolved names = resolve(caller, s);
        long id = Transactions.write(ctx.ds, "donation.replicate", c -> {
            Optional<Long> stored = Jdbc.one(c, "SELECT id FROM tp_don_donation WHERE source_node = ? AND source_id = ?",
                    args(from, s.id()), rs -> rs.getLong(1));
            if (stored.isPresent()) {
                Instant storedAsOf = Jdbc.one(c, "SELECT source_as_of FROM tp_don_donation WHERE id = ?",
                        args(stored.get()), rs -> Sql.getInstant(rs, 1)).orElseThrow();
                if (!s.asOf().isAfter(storedAsOf)) {
                    return stored.get(); // a redelivery or an older copy arriving late
                }
            }
            Donation before = stored.isPresent() ? pledges.audited(c, stored.get()) : null;
            long donor = donor(c, from, s);
            long donationId = stored.isPresent() ? replaceHead(c, stored.get(), donor, s, names)
                    : insertHead(c, from, donor, s, names);
            writeLines(c, from, donationId, s, names);
            ctx.audit.record(c, caller, ENTITY, String.valueOf(donationId), "replicate", before,
                    pledges.audited(c, donationId));
            if (NoteErasure.erasedIn(s)) {
                // the donor was erased where the donation is kept: the copy's earlier snapshots lose the notes too
                NoteErasure.eraseCopyAudit(ctx, c, donationId);
            }
            return donationId;
        });
        return pledges.get(Caller.system(caller.requestId()), id);
    }

    Resolved resolve(Caller caller, DonationSnapshot s) {
        Map<String, Item> items = new HashMap<>();
        for (DonationSnapshot.Line l : list(s.lines())) {
            if (l.itemCode() != null) {
                items.computeIfAbsent(l.itemCode(), code -> ScopeRules.namedInBody("itemCode", code,
                        () -> ctx.catalogue.getByCode(caller, code)));
            }
        }
        Map<String, Depot> depots = new HashMap<>();
        for (DonationSnapshot.Receipt r : list(s.receipts())) {
            Depot depot = depots.computeIfAbsent(Checks.text("depotCode", r.depotCode(), 32),
                    code -> ScopeRules.namedInBody("depotCode", code, () -> ctx.depots.getByCode(caller, code)));
            // the link writes only what its province keeps: a receipt into another province's depot is refused
            ScopeRules.requireWriteProvince(caller, depot.provinceCode(), "donations");
            for (DonationSnapshot.ReceiptLine l : list(r.lines())) {
                items.computeIfAbsent(Checks.text("itemCode", l.itemCode(), 32), code -> ScopeRules.namedInBody(
                        "itemCode", code, () -> ctx.catalogue.getByCode(caller, code)));
            }
        }
        DonorDesignation designation = null;
        if (s.designationKind() != null) {
            Long unitId = null;
            if (s.designationUnitCode() != null) {
                // the donor may designate a unit anywhere: looked up as the platform, not with the link's scope
                unitId = ScopeRules.namedInBody("designationUnitCode", s.designationUnitCode(),
                        () -> ctx.units.getByCode(Caller.system("donation-replica"), s.designationUnitCode())).id();
            }
            if (s.designationKind() == DesignationKind.ORG_UNIT && unitId == null) {
                throw new ValidationException("designationUnitCode", "an ORG_UNIT designation names its unit");
            }
            designation = new DonorDesignation(s.designationKind(), s.designationProvince(), unitId,
                    s.designationUnitCode(), null);
        }
        return new Resolved(items, depots, designation);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** The copy of the sending node's donor: its name as sent (an anonymous donor's label), no contact. */
    private long donor(Connection c, String from, DonationSnapshot s) throws SQLException {
        Optional<Long> id = Jdbc.one(c, "SELECT id FROM tp_don_donor WHERE source_node = ? AND source_id = ?",
                args(from, s.donorId()), rs -> rs.getLong(1));
        String name = Checks.text("donorName", s.donorName(), 200);
        boolean anonymous = DonorDao.ANONYMOUS.equals(name);
        if (id.isPresent()) {
            Jdbc.update(c, "UPDATE tp_don_donor SET kind = ?, name = ?, anonymous = ?, province_code = ? WHERE id = ?",
                    args(s.donorKind().name(), name, anonymous, s.provinceCode(), id.get()));
            return id.get();
        }
        return Jdbc.insert(c, "INSERT INTO tp_don_donor (kind, name, province_code, anonymous, created_by, created_at, "
                + "source_node, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", args(s.donorKind().name(), name,
                s.provinceCode(), anonymous, s.createdBy(), s.createdAt(), from, s.donorId()));
    }

    /**
     * Stores a donation's head: a copy of {@code from}'s (numbered {@code <node>/<number>}, a new id here), or, with
     * {@code from} null, this node's own donation restored under its id and number (a rebuild).
     */
    static long insertHead(Connection c, String from, long donor, DonationSnapshot s, Resolved n)
            throws SQLException {
        DonorDesignation d = n.designation();
        boolean own = from == null;
        List<Object> values = new ArrayList<>(args(own ? s.number() : from + "/" + s.number(), donor, null,
                s.provinceCode(), s.pledged(), s.status().name(), s.expectedDate(), d == null ? null : d.kind().name(),
                d == null ? null : d.provinceCode(), d == null ? null : d.orgUnitId(),
                d == null ? null : d.orgUnitCode(), s.note(), s.cancelReason(), s.createdBy(), s.createdAt(),
                s.updatedAt(), from, own ? null : s.id(), own ? null : s.asOf()));
        String sql = "INSERT INTO tp_don_donation (" + (own ? "id, " : "") + "number, donor_id, donor_code, "
                + "province_code, pledged, status, expected_date, designation_kind, designation_province, "
                + "designation_unit_id, designation_unit, note, cancel_reason, created_by, created_at, updated_at, "
                + "source_node, source_id, source_as_of) VALUES (" + (own ? "?, " : "")
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if (!own) {
            return Jdbc.insert(c, sql, values);
        }
        values.add(0, s.id());
        Jdbc.update(c, sql, values);
        return s.id();
    }

    private long replaceHead(Connection c, long id, long donor, DonationSnapshot s, Resolved n) throws SQLException {
        DonorDesignation d = n.designation();
        Jdbc.update(c, "UPDATE tp_don_donation SET donor_id = ?, pledged = ?, status = ?, expected_date = ?, "
                + "designation_kind = ?, designation_province = ?, designation_unit_id = ?, designation_unit = ?, "
                + "note = ?, cancel_reason = ?, updated_at = ?, source_as_of = ? WHERE id = ?", args(donor,
                s.pledged(), s.status().name(), s.expectedDate(), d == null ? null : d.kind().name(),
                d == null ? null : d.provinceCode(), d == null ? null : d.orgUnitId(),
                d == null ? null : d.orgUnitCode(), s.note(), s.cancelReason(), s.updatedAt(), s.asOf(), id));
        Jdbc.update(c, "DELETE FROM tp_don_receipt_line WHERE receipt_id IN (SELECT id FROM tp_don_receipt WHERE "
                + "donation_id = ?)", args(id));
        Jdbc.update(c, "DELETE FROM tp_don_receipt WHERE donation_id = ?", args(id));
        Jdbc.update(c, "DELETE FROM tp_don_line WHERE donation_id = ?", args(id));
        return id;
    }

    /**
     * A donation's lines, receipts and inspected lines as the snapshot has them: of a copy of {@code from}'s
     * (acknowledgement numbers {@code <node>/<number>}, the node's lot ids kept aside), or, with {@code from} null,
     * of this node's own donation restored (its numbers, its lots).
     */
    static void writeLines(Connection c, String from, long donationId, DonationSnapshot s, Resolved n)
            throws SQLException {
        Map<Integer, Long> lineIds = new HashMap<>();
        for (DonationSnapshot.Line l : list(s.lines())) {
            Item item = l.itemCode() == null ? null : n.items().get(l.itemCode());
            lineIds.put(l.lineNo(), Jdbc.insert(c, "INSERT INTO tp_don_line (donation_id, line_no, item_id, item_code, "
                    + "description, pledged_quantity, accepted_quantity, rejected_quantity) VALUES (?, ?, ?, ?, ?, ?, "
                    + "?, ?)", args(donationId, l.lineNo(), item == null ? null : item.id(),
                    item == null ? null : item.code(), l.description(), l.pledged(), l.accepted(), l.rejected())));
        }
        for (DonationSnapshot.Receipt r : list(s.receipts())) {
            Depot depot = n.depots().get(r.depotCode());
            long receiptId = Jdbc.insert(c, "INSERT INTO tp_don_receipt (donation_id, depot_id, depot_code, "
                    + "depot_province, received_on, ack_number, received_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + "?)", args(donationId, depot.id(), depot.code(), depot.provinceCode(), r.receivedOn(),
                    r.acknowledgementNumber() == null || from == null ? r.acknowledgementNumber()
                            : from + "/" + r.acknowledgementNumber(),
                    r.receivedBy(), r.receivedAt()));
            for (DonationSnapshot.ReceiptLine l : list(r.lines())) {
                Long lineId = lineIds.get(l.lineNo());
                if (lineId == null) {
                    throw new ValidationException("receipts.lines.lineNo", "receipt " + r.id() + " names line "
                            + l.lineNo() + ", which the donation does not have");
                }
                Item item = n.items().get(l.itemCode());
                Jdbc.update(c, "INSERT INTO tp_don_receipt_line (receipt_id, line_id, item_id, item_code, priority, "
                        + "standard, standard_matched, certificate_present, certificate_number, expiry_date, "
                        + "packaging_intact, accepted_quantity, rejected_quantity, reject_reason, disposition, "
                        + "lot_id, source_lot_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(receiptId,
                        lineId, item.id(), item.code(), Checks.required("priority", l.priority()).name(), l.standard(),
                        l.standardMatched(), l.certificatePresent(), l.certificateNumber(), l.expiryDate(),
                        l.packagingIntact(), l.accepted(), l.rejected(), l.rejectReason(),
                        l.disposition() == null ? null : l.disposition().name(), from == null ? l.lotId() : null,
                        from == null ? null : l.lotId()));
            }
        }
    }

    /** Refuses a write to a donor copied from another node (409 naming it). */
    static void requireOwnDonor(Connection c, long donorId) throws SQLException {
        Optional<String> node = Jdbc.one(c, "SELECT source_node FROM tp_don_donor WHERE id = ?", args(donorId),
                rs -> rs.getString(1));
        if (node.isPresent() && node.get() != null) {
            throw new ConflictException("donorId", "Donor " + donorId + " is kept by node " + node.get()
                    + ": record it there (this is its read-only copy)");
        }
    }
}
