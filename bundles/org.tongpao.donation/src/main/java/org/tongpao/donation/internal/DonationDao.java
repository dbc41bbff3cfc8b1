package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationLine;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.donation.DonorKind;

/** Donations and their lines. */
final class DonationDao {

    private DonationDao() {
    }

    /** A donation's head row as stored; the donor's name and code are added by {@link #assemble}. */
    record Row(long id, String number, long donorId, String donorName, boolean donorAnonymous, DonorKind donorKind,
            Instant codeShownAt, String provinceCode, boolean pledged, DonationStatus status, LocalDate expectedDate,
            DonorDesignation designation, String note, String cancelReason, String createdBy, Instant createdAt,
            Instant updatedAt, String sourceNode, long sourceId, Instant sourceAsOf) {

        /** {@code <node>/<id there>} for a copy of another node's donation, else null. */
        String source() {
            return sourceNode == null ? null : sourceNode + "/" + sourceId;
        }
    }

    static long insert(Connection c, String number, long donorId, String donorCode, String province, boolean pledged,
            DonationStatus status, LocalDate expected, DonorDesignation d, String note, String by, Instant at)
            throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_don_donation (number, donor_id, donor_code_pending, donor_code_hash, "
                + "province_code, pledged, "
                + "status, expected_date, designation_kind, designation_province, designation_unit_id, "
                + "designation_unit, note, created_by, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(number, donorId, donorCode,
                DonorCodes.hash(donorCode), province,
                pledged, status.name(), expected, d == null ? null : d.kind().name(),
                d == null ? null : d.provinceCode(), d == null ? null : d.orgUnitId(),
                d == null ? null : d.orgUnitCode(), note, by, at, at));
    }

    static long insertLine(Connection c, long donationId, int lineNo, Long itemId, String itemCode,
            String description, long pledged) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO tp_don_line (donation_id, line_no, item_id, item_code, description, "
                + "pledged_quantity, accepted_quantity, rejected_quantity) VALUES (?, ?, ?, ?, ?, ?, 0, 0)",
                args(donationId, lineNo, itemId, itemCode, description, pledged));
    }

    static void matchLine(Connection c, long lineId, long itemId, String itemCode) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_line SET item_id = ?, item_code = ? WHERE id = ?", args(itemId, itemCode, lineId));
    }

    static void addReceived(Connection c, long lineId, long accepted, long rejected) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_line SET accepted_quantity = accepted_quantity + ?, "
                + "rejected_quantity = rejected_quantity + ? WHERE id = ?", args(accepted, rejected, lineId));
    }

    static void status(Connection c, long id, DonationStatus status, String cancelReason, Instant at)
            throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_donation SET status = ?, cancel_reason = COALESCE(?, cancel_reason), "
                + "updated_at = ? WHERE id = ?", args(status.name(), cancelReason, at, id));
    }

    private static final String HEAD = "SELECT d.*, o.name AS donor_name, o.anonymous AS donor_anonymous, "
            + "o.kind AS donor_kind FROM tp_don_donation d JOIN tp_don_donor o ON o.id = d.donor_id ";

    static Optional<Row> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, HEAD + "WHERE d.id = ?", args(id), DonationDao::row);
    }

    /** Locks the donation row for the rest of the transaction (receipts and cancellations take turns). */
    static Optional<Row> lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_donation SET status = status WHERE id = ?", args(id));
        return find(c, id);
    }

    static Optional<Row> byNumber(Connection c, String number) throws SQLException {
        return Jdbc.one(c, HEAD + "WHERE d.number = ?", args(number), DonationDao::row);
    }

    /** The donation of a code in its printed form (looked up by the code's hash). */
    static Optional<Row> byCode(Connection c, String donorCode) throws SQLException {
        return Jdbc.one(c, HEAD + "WHERE d.donor_code_hash = ?", args(DonorCodes.hash(donorCode)),
                DonationDao::row);
    }

    /**
     * Takes the code still waiting to be printed, at most once: the caller that clears it prints it, every later
     * print shows when it was issued. Empty when it was taken already.
     */
    static Optional<String> takePendingCode(Connection c, long id, Instant at) throws SQLException {
        Optional<String> code = Jdbc.one(c, "SELECT donor_code_pending FROM tp_don_donation WHERE id = ? "
                + "AND donor_code_pending IS NOT NULL", args(id), rs -> rs.getString(1));
        if (code.isEmpty() || Jdbc.update(c, "UPDATE tp_don_donation SET donor_code_pending = NULL, "
                + "donor_code_shown_at = ? WHERE id = ? AND donor_code_pending = ?", args(at, id, code.get())) != 1) {
            return Optional.empty();
        }
        return code;
    }

    /** A new code for the donation (the former one stops working), waiting for the next print. */
    static void reissueCode(Connection c, long id, String code) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_donation SET donor_code_pending = ?, donor_code_hash = ?, "
                + "donor_code_shown_at = NULL WHERE id = ?", args(code, DonorCodes.hash(code), id));
    }

    /** A page of the donations the caller sees ({@code province} null: all), oldest first. */
    static List<Row> page(Connection c, boolean all, String province, DonationFilter f, long after, int limit)
            throws SQLException {
        Paging.Query q = new Paging.Query("d.id", after, limit);
        if (!all) {
            q.and("d.province_code = ?", args(province)); // not equal(): a null province matches nothing, not all
        }
        if (f != null) {
            q.equal("d.status", f.status()).equal("d.donor_id", f.donorId()).equal("d.province_code", f.provinceCode());
        }
        return Jdbc.query(c, HEAD + q.sql(), q.args(), DonationDao::row);
    }

    /** The public list: newest first, below the cursor's id. */
    static List<Row> newestFirst(Connection c, long before, int limit) throws SQLException {
        return Jdbc.query(c, HEAD + "WHERE d.id < ? ORDER BY d.id DESC FETCH FIRST " + (limit + 1) + " ROWS ONLY",
                args(before), DonationDao::row);
    }

    static List<DonationLine> lines(Connection c, long donationId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM tp_don_line WHERE donation_id = ? ORDER BY line_no", args(donationId),
                DonationDao::line);
    }

    static Map<Long, List<DonationLine>> lines(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String in = rows.stream().map(r -> "?").collect(Collectors.joining(", "));
        return Jdbc.query(c, "SELECT * FROM tp_don_line WHERE donation_id IN (" + in + ") ORDER BY donation_id, "
                + "line_no", rows.stream().map(Row::id).toList(), rs -> Map.entry(rs.getLong("donation_id"), line(rs)))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    static int lineCount(Connection c, long donationId) throws SQLException {
        return (int) Jdbc.count(c, "SELECT COUNT(*) FROM tp_don_line WHERE donation_id = ?", args(donationId));
    }

    /**
     * The donation as the caller may see it: the donor's name unless it asked to be anonymous and the caller is
     * not a donation officer or the ministry. The donor code is never part of it (only its acknowledgement prints it).
     */
    static Donation assemble(Row r, List<DonationLine> lines, boolean showsAnonymousName,
            DonorDesignation designation) {
        String label = r.donorAnonymous() && !showsAnonymousName ? DonorDao.ANONYMOUS : r.donorName();
        return new Donation(r.id(), r.number(), r.donorId(), label, r.donorKind(), r.provinceCode(), r.pledged(),
                r.status(), r.expectedDate(), designation, r.note(), r.cancelReason(), null,
                lines, r.createdBy(), r.createdAt(), r.updatedAt(), r.source(), r.sourceAsOf());
    }

    private static Row row(ResultSet rs) throws SQLException {
        String kind = rs.getString("designation_kind");
        long unit = rs.getLong("designation_unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        DonorDesignation d = kind == null ? null : new DonorDesignation(DesignationKind.valueOf(kind),
                rs.getString("designation_province"), unitId, rs.getString("designation_unit"), null);
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getLong("donor_id"), rs.getString("donor_name"),
                rs.getBoolean("donor_anonymous"), DonorKind.valueOf(rs.getString("donor_kind")),
                Sql.getInstant(rs, "donor_code_shown_at"), rs.getString("province_code"), rs.getBoolean("pledged"),
                DonationStatus.valueOf(rs.getString("status")), Jdbc.localDate(rs, "expected_date"), d,
                rs.getString("note"), rs.getString("cancel_reason"), rs.getString("created_by"),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"), rs.getString("source_node"),
                rs.getLong("source_id"), Sql.getInstant(rs, "source_as_of"));
    }

    private static DonationLine line(ResultSet rs) throws SQLException {
        long item = rs.getLong("item_id");
        Long itemId = rs.wasNull() ? null : item;
        return new DonationLine(rs.getLong("id"), rs.getInt("line_no"), itemId, rs.getString("item_code"),
                rs.getString("description"), rs.getLong("pledged_quantity"), rs.getLong("accepted_quantity"),
                rs.getLong("rejected_quantity"));
    }
}
