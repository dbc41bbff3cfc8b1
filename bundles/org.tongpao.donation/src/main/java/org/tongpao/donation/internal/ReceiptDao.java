package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationReceiptLine;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.Priority;

/** Receipts of donated goods and their inspected lines. */
final class ReceiptDao {

    private ReceiptDao() {
    }

    static long insert(Connection c, long donationId, long depotId, String depotCode, String depotProvince,
            LocalDate receivedOn, String deliveryNote, String note, String ackNumber, String by, Instant at)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_don_receipt (donation_id, depot_id, depot_code, depot_province, "
                + "received_on, delivery_note, note, ack_number, received_by, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(donationId, depotId, depotCode, depotProvince,
                receivedOn, deliveryNote, note, ackNumber, by, at));
    }

    static void insertLine(Connection c, long receiptId, long lineId, long itemId, String itemCode,
            Inspection.Checked i, Long lotId) throws SQLException {
        Jdbc.update(c, "INSERT INTO tp_don_receipt_line (receipt_id, line_id, item_id, item_code, priority, standard, "
                + "standard_matched, certificate_present, certificate_number, expiry_date, packaging_intact, "
                + "accepted_quantity, rejected_quantity, reject_reason, disposition, disposition_note, lot_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(receiptId, lineId, itemId, itemCode,
                i.priority().name(), i.standard(), i.given().standardMatched(), i.given().certificatePresent(),
                i.certificateNumber(), i.given().expiryDate(), i.given().packagingIntact(), i.accepted(), i.rejected(),
                i.rejectReason(), i.disposition() == null ? null : i.disposition().name(), i.dispositionNote(), lotId));
    }

    /** The head of one receipt: its donation id, and what the acknowledgement prints. */
    record Head(long id, long donationId, long depotId, String depotCode, LocalDate receivedOn, String ackNumber) {
    }

    static Optional<Head> head(Connection c, long receiptId) throws SQLException {
        return Jdbc.one(c, "SELECT id, donation_id, depot_id, depot_code, received_on, ack_number FROM tp_don_receipt "
                + "WHERE id = ?", args(receiptId), rs -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getString(4), Jdbc.localDate(rs, "received_on"), rs.getString(6)));
    }

    static List<DonationReceipt> forDonation(Connection c, long donationId, String number, DonationStatus status)
            throws SQLException {
        return read(c, "r.donation_id = ?", donationId, number, status);
    }

    static DonationReceipt one(Connection c, long receiptId, String number, DonationStatus status)
            throws SQLException {
        return read(c, "r.id = ?", receiptId, number, status).get(0);
    }

    private static List<DonationReceipt> read(Connection c, String where, long key, String number,
            DonationStatus status) throws SQLException {
        Map<Long, List<DonationReceiptLine>> lines = Jdbc.query(c, "SELECT rl.* FROM tp_don_receipt_line rl "
                + "JOIN tp_don_receipt r ON r.id = rl.receipt_id WHERE " + where + " ORDER BY rl.id", args(key),
                ReceiptDao::line).stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<DonationReceipt> out = new ArrayList<>();
        for (DonationReceipt r : Jdbc.query(c, "SELECT * FROM tp_don_receipt r WHERE " + where + " ORDER BY id",
                args(key), rs -> new DonationReceipt(rs.getLong("id"), rs.getLong("donation_id"), number,
                        rs.getLong("depot_id"), rs.getString("depot_code"), Jdbc.localDate(rs, "received_on"),
                        rs.getString("delivery_note"), rs.getString("note"), rs.getString("ack_number"),
                        rs.getString("received_by"), Sql.getInstant(rs, "received_at"), List.of(), status))) {
            out.add(new DonationReceipt(r.id(), r.donationId(), number, r.depotId(), r.depotCode(), r.receivedOn(),
                    r.deliveryNote(), r.note(), r.acknowledgementNumber(), r.receivedBy(), r.receivedAt(),
                    lines.getOrDefault(r.id(), List.of()), status));
        }
        return out;
    }

    private static Map.Entry<Long, DonationReceiptLine> line(ResultSet rs) throws SQLException {
        long lot = rs.getLong("lot_id");
        Long lotId = rs.wasNull() ? null : lot;
        String disposition = rs.getString("disposition");
        return Map.entry(rs.getLong("receipt_id"), new DonationReceiptLine(rs.getLong("id"), rs.getLong("line_id"),
                rs.getLong("item_id"), rs.getString("item_code"), Priority.valueOf(rs.getString("priority")),
                rs.getString("standard"), rs.getBoolean("standard_matched"), rs.getBoolean("certificate_present"),
                rs.getString("certificate_number"), Jdbc.localDate(rs, "expiry_date"),
                rs.getBoolean("packaging_intact"), rs.getLong("accepted_quantity"), rs.getLong("rejected_quantity"),
                rs.getString("reject_reason"), disposition == null ? null : Disposition.valueOf(disposition),
                rs.getString("disposition_note"), lotId));
    }

    /** Every accepted line of a donation with its lot: what the trace and the public answers follow. */
    record LotLine(long receiptId, String ackNumber, LocalDate receivedOn, long itemId, String itemCode,
            long accepted, long rejected, long lotId, String depotCode, String depotProvince) {
    }

    static List<LotLine> lotLines(Connection c, long donationId) throws SQLException {
        return Jdbc.query(c, "SELECT r.id, r.ack_number, r.received_on, rl.item_id, rl.item_code, "
                + "rl.accepted_quantity, rl.rejected_quantity, rl.lot_id, r.depot_code, r.depot_province "
                + "FROM tp_don_receipt_line rl JOIN tp_don_receipt r ON r.id = rl.receipt_id "
                + "WHERE r.donation_id = ? ORDER BY rl.id", args(donationId), rs -> {
                    long lot = rs.getLong(8);
                    return new LotLine(rs.getLong(1), rs.getString(2), Jdbc.localDate(rs, "received_on"),
                            rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.wasNull() ? 0 : lot,
                            rs.getString(9), rs.getString(10));
                });
    }
}
