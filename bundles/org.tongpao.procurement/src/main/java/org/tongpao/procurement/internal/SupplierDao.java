package org.tongpao.procurement.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.Supplier;
import org.tongpao.procurement.SupplierContact;
import org.tongpao.procurement.SupplierPerformance;

/** The supplier tables: suppliers, their qualifications, and their performance as the receipts tell it. */
final class SupplierDao {

    /** A supplier row without its qualifications and performance. */
    record Row(long id, String code, String name, String country, String provinceCode, SupplierContact contact,
            boolean active, long version, Instant createdAt) {
    }

    private static final String COLUMNS = "id, code, name, country, province_code, contact_name, contact_phone, "
            + "contact_email, active, version, created_at";

    private SupplierDao() {
    }

    static long insert(Connection c, NewSupplier s, String provinceCode, String actor, Instant now)
            throws SQLException {
        SupplierContact contact = s.contact() == null ? new SupplierContact(null, null, null) : s.contact();
        return Jdbc.insert(c, "INSERT INTO tp_proc_supplier (code, name, country, province_code, contact_name, "
                + "contact_phone, contact_email, active, created_by, created_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", args(s.code(), s.name(), s.country(), provinceCode,
                contact.name(), contact.phone(), contact.email(), true, actor, now));
    }

    static void insertQualifications(Connection c, long supplierId, List<Qualification> qualifications, Instant now)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (Qualification q : qualifications) {
            rows.add(args(supplierId, q.itemId(), q.itemCode(), q.standard(), q.weeklyCapacity(), q.leadTimeDays(),
                    q.certificate(), q.validUntil(), now));
        }
        Jdbc.batch(c, "INSERT INTO tp_proc_qualification (supplier_id, item_id, item_code, standard, "
                + "weekly_capacity, lead_time_days, certificate, valid_until, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    static boolean codeTaken(Connection c, String code) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM tp_proc_supplier WHERE code = ?", args(code)) > 0;
    }

    static Optional<Row> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM tp_proc_supplier WHERE id = ?", args(id), SupplierDao::row);
    }

    /**
     * A page of suppliers the caller may see: national ones and, when {@code province} is not null, that
     * province's ({@code allProvinces}: every province's), optionally only those qualified for an item.
     */
    static List<Row> page(Connection c, boolean allProvinces, String province, Long itemId, long after, int limit)
            throws SQLException {
        Paging.Query q = new Paging.Query("id", after, limit);
        if (!allProvinces) {
            q.and("province_code IS NULL OR province_code = ?", args(province));
        }
        if (itemId != null) {
            q.and("EXISTS (SELECT 1 FROM tp_proc_qualification q WHERE q.supplier_id = s.id AND q.item_id = ?)",
                    List.of(itemId));
        }
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM tp_proc_supplier s" + q.sql(), q.args(), SupplierDao::row);
    }

    static List<Qualification> qualifications(Connection c, long supplierId) throws SQLException {
        return Jdbc.query(c, "SELECT item_id, item_code, standard, weekly_capacity, lead_time_days, certificate, "
                + "valid_until FROM tp_proc_qualification WHERE supplier_id = ? ORDER BY item_code",
                args(supplierId), SupplierDao::qualification);
    }

    static Optional<Qualification> qualification(Connection c, long supplierId, long itemId) throws SQLException {
        return Jdbc.one(c, "SELECT item_id, item_code, standard, weekly_capacity, lead_time_days, certificate, "
                + "valid_until FROM tp_proc_qualification WHERE supplier_id = ? AND item_id = ?",
                args(supplierId, itemId), SupplierDao::qualification);
    }

    /** Performance of each supplier in {@code ids} that has deliveries. */
    static Map<Long, SupplierPerformance> performance(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        List<Map.Entry<Long, SupplierPerformance>> rows = Jdbc.query(c,
                "SELECT o.supplier_id, COUNT(*), SUM(CASE WHEN rl.days_late = 0 THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN rl.days_late > 0 THEN rl.days_late ELSE 0 END), "
                        + "SUM(rl.accepted_quantity), SUM(rl.rejected_quantity) "
                        + "FROM tp_proc_receipt_line rl JOIN tp_proc_receipt r ON r.id = rl.receipt_id "
                        + "JOIN tp_proc_order o ON o.id = r.order_id WHERE o.supplier_id IN (" + in + ") "
                        + "GROUP BY o.supplier_id", new ArrayList<>(ids), rs -> {
                            long deliveries = rs.getLong(2);
                            long onTime = rs.getLong(3);
                            long late = deliveries - onTime;
                            double averageLate = late == 0 ? 0 : (double) rs.getLong(4) / late;
                            return Map.entry(rs.getLong(1), new SupplierPerformance(deliveries, onTime, late,
                                    Math.round(averageLate * 10) / 10.0, rs.getLong(5), rs.getLong(6)));
                        });
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Puts together suppliers as the API returns them. */
    static List<Supplier> assemble(Connection c, List<Row> rows, boolean withContacts) throws SQLException {
        Map<Long, SupplierPerformance> performance = performance(c, rows.stream().map(Row::id).toList());
        List<Supplier> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Supplier(r.id(), r.code(), r.name(), r.country(), r.provinceCode(),
                    withContacts ? r.contact() : null, r.active(), qualifications(c, r.id()),
                    performance.getOrDefault(r.id(), SupplierPerformance.NONE), r.version(), r.createdAt()));
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        SupplierContact contact = new SupplierContact(rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("contact_email"));
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("country"),
                rs.getString("province_code"), contact, rs.getBoolean("active"), rs.getLong("version"),
                Sql.getInstant(rs, "created_at"));
    }

    private static Qualification qualification(ResultSet rs) throws SQLException {
        return new Qualification(rs.getLong("item_id"), rs.getString("item_code"), rs.getString("standard"),
                rs.getLong("weekly_capacity"), rs.getInt("lead_time_days"), rs.getString("certificate"),
                Jdbc.localDate(rs, "valid_until"));
    }
}
