package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusAnswer;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.NewCensus;

/** The reserve census: opened by the ministry, one current submission per province, history kept. */
final class CensusBook {
    private final Ledger ledger;
    private final ProvinceRegistry provinces;

    private static final String HEAD_COLUMNS = "id, title, categories, deadline, opened_by, opened_at, source";

    /** A census row before its report is computed; {@code source} the census it replicates (null: none). */
    record Head(long id, String title, List<String> categories, Instant deadline, String openedBy,
            Instant openedAt, String source) {
    }

    CensusBook(Ledger ledger, ProvinceRegistry provinces) {
        this.ledger = ledger;
        this.provinces = provinces;
    }

    Census open(Caller caller, NewCensus r, String key) {
        ScopeRules.requireMinistryWriter(caller, "a reserve census");
        Set<String> categories = validated(r);
        Ref ref = ledger.write(caller, key, "inventory.census", r, tx -> {
            if (!r.deadline().isAfter(tx.now)) {
                throw new ValidationException("deadline", "deadline must be in the future");
            }
            return new Ref("census", Long.toString(insert(tx, r, categories, null)));
        });
        return ledger.read(c -> report(c, caller, head(c, Long.parseLong(ref.id()))));
    }

    /** The checked fields of a new census: its categories, stripped, in order. */
    static Set<String> validated(NewCensus r) {
        if (r == null) {
            throw new ValidationException("body", "body is required");
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 200) {
            throw new ValidationException("title", "title must be 1 to 200 characters");
        }
        if (r.categories() == null || r.categories().isEmpty()) {
            throw new ValidationException("categories", "categories must not be empty");
        }
        if (r.deadline() == null) {
            throw new ValidationException("deadline", "deadline is required");
        }
        Set<String> categories = new LinkedHashSet<>();
        for (String c : r.categories()) {
            if (c == null || c.isBlank()) {
                throw new ValidationException("categories", "categories must not contain blanks");
            }
            categories.add(c.strip());
        }
        return categories;
    }

    /** Inserts a checked census (its categories must exist here), its audit row and CENSUS_OPENED. */
    long insert(Tx tx, NewCensus r, Set<String> categories, String source) throws SQLException {
        for (String c : categories) {
            if (!ledger.core.categoryExists(tx.c, c)) {
                throw new ValidationException("categories", "unknown category " + c);
            }
        }
        Instant deadline = r.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long id = Jdbc.insert(tx.c, "INSERT INTO tp_inv_census (title, categories, deadline, opened_by, opened_at, "
                + "source) VALUES (?, ?, ?, ?, ?, ?)", Jdbc.args(r.title().strip(), String.join(",", categories),
                        deadline, tx.caller.user(), tx.now, source));
        ledger.audit.record(tx.c, tx.caller, "census", Long.toString(id), "OPEN", null, r);
        ledger.events.censusOpened(tx, id, r.title().strip(), categories, deadline, source);
        return id;
    }

    private static void requireReader(Caller caller) {
        ScopeRules.Reach reach = ScopeRules.readReach(caller);
        if (reach != ScopeRules.Reach.ALL && reach != ScopeRules.Reach.PROVINCE) {
            throw new AccessDeniedException("The reserve census is for ministry, province officers and auditors");
        }
    }

    Census get(Caller caller, long id) {
        requireReader(caller);
        return ledger.read(c -> report(c, caller, head(c, id)));
    }

    Page<Census> list(Caller caller, int limit, String cursor) {
        requireReader(caller);
        int n = Paging.limit(limit);
        return ledger.read(c -> {
            List<Head> heads = Jdbc.query(c, "SELECT " + HEAD_COLUMNS + " FROM tp_inv_census "
                    + "WHERE id > ?" + Paging.orderAndFetch("id", n), List.of(Paging.after(cursor)), CensusBook::mapHead);
            List<Census> out = new ArrayList<>();
            for (Head h : heads) {
                out.add(report(c, caller, h));
            }
            return Paging.page(out, n, Census::id);
        });
    }

    private static Head mapHead(java.sql.ResultSet rs) throws SQLException {
        return new Head(rs.getLong("id"), rs.getString("title"), Arrays.asList(rs.getString("categories").split(",")),
                Sql.getInstant(rs, "deadline"), rs.getString("opened_by"), Sql.getInstant(rs, "opened_at"),
                rs.getString("source"));
    }

    Head head(Connection c, long id) throws SQLException {
        Head h = Jdbc.one(c, "SELECT " + HEAD_COLUMNS + " FROM tp_inv_census WHERE id = ?",
                List.of(id), CensusBook::mapHead).orElse(null);
        if (h == null) {
            throw new org.tongpao.core.NotFoundException("census", id);
        }
        return h;
    }

    /** Who reported, who is late, and totals from each province's current (highest) version. */
    Census report(Connection c, Caller caller, Head h) throws SQLException {
        Instant now = ledger.now();
        boolean national = ScopeRules.readReach(caller) == ScopeRules.Reach.ALL;
        Map<String, Object[]> current = new HashMap<>();
        for (Object[] row : Jdbc.query(c, "SELECT s.id, s.province_code, s.version_no, s.submitted_at, s.submitted_by, "
                + "s.source_node, s.received_at FROM tp_inv_census_submission s WHERE s.census_id = ? AND s.version_no = "
                + "(SELECT MAX(x.version_no) FROM tp_inv_census_submission x WHERE x.census_id = s.census_id "
                + "AND x.province_code = s.province_code)", List.of(h.id()),
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), Sql.getInstant(rs, "submitted_at"),
                    rs.getString(5), rs.getString(6), Sql.getInstant(rs, "received_at")})) {
            current.put((String) row[1], row);
        }
        List<Census.ProvinceReport> reports = new ArrayList<>();
        for (org.tongpao.core.Province p : provinces.list()) {
            if (!national && !p.code().equals(caller.provinceCode())) {
                continue;
            }
            Object[] s = current.get(p.code());
            if (s == null) {
                reports.add(new Census.ProvinceReport(p.code(), now.isAfter(h.deadline()) ? "LATE" : "PENDING", null,
                        null, null));
            } else {
                Instant at = (Instant) s[3];
                // how old the figures are: since they were taken on the answering node, not since they arrived
                reports.add(new Census.ProvinceReport(p.code(), at.isAfter(h.deadline()) ? "REPORTED_LATE" : "REPORTED",
                        (Integer) s[2], at, (String) s[4], (String) s[5], s[6] == null ? at : (Instant) s[6],
                        Math.max(0, Duration.between(at, now).getSeconds())));
            }
        }
        Map<String, long[]> totals = new TreeMap<>();
        for (Object[] s : current.values()) {
            String province = (String) s[1];
            if (!national && !province.equals(caller.provinceCode())) {
                continue;
            }
            for (Object[] row : Jdbc.query(c, "SELECT category_code, declared, SUM(quantity) FROM tp_inv_census_figure "
                    + "WHERE submission_id = ? GROUP BY category_code, declared", List.of((Long) s[0]),
                    rs -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getLong(3)})) {
                long[] t = totals.computeIfAbsent(province + "|" + row[0], k -> new long[2]);
                t[(Boolean) row[1] ? 1 : 0] += (Long) row[2];
            }
        }
        List<Census.Total> totalRows = new ArrayList<>();
        totals.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            totalRows.add(new Census.Total(parts[0], parts[1], v[0], v[1]));
        });
        return new Census(h.id(), h.title(), h.categories(), h.deadline(), h.openedBy(), h.openedAt(), reports,
                totalRows, h.source());
    }

    Census submit(Caller caller, long censusId, String provinceCode, CensusSubmission r, String key) {
        String province = submittingProvince(caller, provinceCode);
        List<CensusSubmission.Declared> declared = r == null || r.declared() == null ? List.of() : r.declared();
        validate(declared);
        Map<String, Object> request = new HashMap<>();
        request.put("province", province);
        request.put("declared", declared);
        ledger.write(caller, key, "inventory.census-submit:" + censusId, request, tx -> {
            Head h = head(tx.c, censusId);
            for (int i = 0; i < declared.size(); i++) {
                if (!h.categories().contains(declared.get(i).categoryCode().strip())) {
                    throw new ValidationException("declared[" + i + "].categoryCode", "category "
                            + declared.get(i).categoryCode() + " is not part of this census");
                }
            }
            int version = (int) Jdbc.count(tx.c, "SELECT COALESCE(MAX(version_no), 0) FROM tp_inv_census_submission "
                    + "WHERE census_id = ? AND province_code = ?", List.of(censusId, province));
            if (version > 0 && tx.now.isAfter(h.deadline())) {
                throw new ConflictException("The deadline of census " + censusId + " has passed; province " + province
                        + " has already reported");
            }
            long submissionId = Jdbc.insert(tx.c, "INSERT INTO tp_inv_census_submission (census_id, province_code, "
                    + "version_no, submitted_by, submitted_at, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                    List.of(censusId, province, version + 1, caller.user(), tx.now, tx.now));
            snapshot(tx, submissionId, province, h.categories());
            insertDeclared(tx, submissionId, declared);
            ledger.audit.record(tx.c, caller, "census", censusId + ":" + province, "SUBMIT", null, request);
            ledger.events.censusSubmitted(tx, censusId, h.source(), new CensusAnswer(null, province, version + 1,
                    tx.now, caller.user(), systemTotals(tx, submissionId), declared));
            return new Ref("census-submission", Long.toString(submissionId));
        });
        return ledger.read(c -> report(c, caller, head(c, censusId)));
    }

    /** A province officer submits for its own province; ministry roles name it. */
    private String submittingProvince(Caller caller, String provinceCode) {
        String province;
        if (caller.isMinistry()) {
            if (provinceCode == null || provinceCode.isBlank()) {
                throw new ValidationException("province", "a ministry caller names the province it submits for");
            }
            province = provinceCode.strip();
        } else if (caller.hasRole(Roles.PROVINCE_OFFICER) && caller.provinceCode() != null) {
            if (provinceCode != null && !provinceCode.isBlank() && !provinceCode.strip().equals(caller.provinceCode())) {
                throw new AccessDeniedException("A province officer submits for its own province only");
            }
            province = caller.provinceCode();
        } else {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Only province officers (or ministry roles) submit census figures");
        }
        if (!provinces.isValid(province)) {
            throw new ValidationException("province", "unknown province " + province);
        }
        return province;
    }

    static void insertDeclared(Tx tx, long submissionId, List<CensusSubmission.Declared> declared)
            throws SQLException {
        for (CensusSubmission.Declared d : declared) {
            Jdbc.update(tx.c, "INSERT INTO tp_inv_census_figure (submission_id, category_code, declared, quantity, "
                    + "note) VALUES (?, ?, TRUE, ?, ?)", Arrays.asList(submissionId, d.categoryCode().strip(),
                            d.quantity(), d.note()));
        }
    }

    /** The system figures of a submission per category: what its answer reports. */
    private static Map<String, Long> systemTotals(Tx tx, long submissionId) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        for (Object[] row : Jdbc.query(tx.c, "SELECT category_code, SUM(quantity) FROM tp_inv_census_figure "
                + "WHERE submission_id = ? AND declared = FALSE GROUP BY category_code", List.of(submissionId),
                rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            totals.put((String) row[0], (Long) row[1]);
        }
        return totals;
    }

    static void validate(List<CensusSubmission.Declared> declared) {
        for (int i = 0; i < declared.size(); i++) {
            CensusSubmission.Declared d = declared.get(i);
            if (d == null || d.categoryCode() == null || d.categoryCode().isBlank()) {
                throw new ValidationException("declared[" + i + "].categoryCode", "categoryCode is required");
            }
            if (d.quantity() == null || d.quantity() < 0) {
                throw new ValidationException("declared[" + i + "].quantity", "quantity must be zero or more");
            }
            if (d.note() != null && d.note().length() > 500) {
                throw new ValidationException("declared[" + i + "].note", "note must be at most 500 characters");
            }
        }
    }

    /** The system figures: balances of the province's depots in the census categories, read in this transaction. */
    private static void snapshot(Tx tx, long submissionId, String province, List<String> categories)
            throws SQLException {
        StringBuilder in = new StringBuilder();
        List<Object> params = new ArrayList<>(List.of(submissionId, province));
        for (String cat : categories) {
            in.append(in.length() == 0 ? "?" : ", ?");
            params.add(cat);
        }
        Jdbc.update(tx.c, "INSERT INTO tp_inv_census_figure (submission_id, category_code, declared, depot_id, "
                + "item_id, lot_id, quantity) SELECT ?, i.category_code, FALSE, b.depot_id, b.item_id, b.lot_id, "
                + "b.on_hand FROM tp_inv_balance b JOIN tp_core_v1_depot d ON d.id = b.depot_id "
                + "JOIN tp_core_v1_item i ON i.id = b.item_id WHERE d.province_code = ? AND b.on_hand > 0 "
                + "AND i.category_code IN (" + in + ")", params);
    }
}
