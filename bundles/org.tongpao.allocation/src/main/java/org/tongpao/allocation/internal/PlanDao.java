package org.tongpao.allocation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;

/** SQL for plans, their per-need outcomes and lines. */
final class PlanDao {
    private static final String COLUMNS = "id, status, scope, province_code, item_id, category_code, source_depots, "
            + "policy, note, created_by, created_by_province, created_at, decided_by, decided_at, batch_id, "
            + "total_requested, total_planned";

    private PlanDao() {
    }

    static long insert(Connection c, Plan p) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO tp_alloc_plan (status, scope, province_code, item_id, category_code, "
                + "source_depots, policy, note, created_by, created_by_province, created_at, total_requested, "
                + "total_planned) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Jdbc.args(p.status(), p.scope(), p.provinceCode(),
                        p.itemId(), p.categoryCode(), p.sourceDepotIds().isEmpty() ? null
                                : p.sourceDepotIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        p.policy(), p.note(), p.createdBy(), p.createdByProvince(), p.createdAt(), p.totalRequested(),
                        p.totalPlanned()));
        List<Object[]> chunks = new ArrayList<>();
        for (String body : outcomeChunks(p.needs())) {
            chunks.add(new Object[] {id, chunks.size() + 1, body});
        }
        insertRows(c, "tp_alloc_plan_outcomes (plan_id, chunk_no, body)",
                new int[] {Types.BIGINT, Types.INTEGER, Types.VARCHAR}, chunks);
        List<Object[]> lines = new ArrayList<>(p.lines().size());
        for (PlanLine l : p.lines()) {
            // a line to an org unit (no depot) stores no depot
            lines.add(new Object[] {id, l.lineNo(), l.needId(), l.rank(), l.itemId(), l.fromDepotId(),
                l.toOrgUnitId() != null ? null : l.toDepotId(), l.toOrgUnitId(), l.quantity(), l.distance(),
                cut(l.reason(), 1000)});
        }
        insertRows(c, "tp_alloc_plan_line (plan_id, line_no, need_id, rank_no, item_id, from_depot_id, to_depot_id, "
                + "to_org_unit_id, quantity, distance, reason)", new int[] {Types.BIGINT, Types.INTEGER, Types.BIGINT,
                    Types.INTEGER, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.INTEGER,
                    Types.VARCHAR}, lines);
        return id;
    }

    /** Rows per INSERT: one statement of many rows costs Derby one execution instead of one per row. */
    static final int ROWS_PER_INSERT = 100;

    /**
     * Inserts {@code rows} into {@code target} ("table (columns)") with multi-row VALUES: full statements
     * of {@link #ROWS_PER_INSERT} rows, then one for the rest, so at most two statement shapes are compiled.
     * Not {@link Jdbc#batch}: a JDBC batch still executes once per row on Derby, and the column types given
     * here bind nulls without asking the statement's metadata for each (a national plan has thousands of rows).
     */
    static void insertRows(Connection c, String target, int[] types, List<Object[]> rows) throws SQLException {
        int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        insertChunks(c, target, types, rows.subList(0, full), ROWS_PER_INSERT);
        insertChunks(c, target, types, rows.subList(full, rows.size()), rows.size() - full);
    }

    private static void insertChunks(Connection c, String target, int[] types, List<Object[]> rows, int perStatement)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String row = "(" + String.join(",", java.util.Collections.nCopies(types.length, "?")) + ")";
        String sql = "INSERT INTO " + target + " VALUES "
                + String.join(",", java.util.Collections.nCopies(perStatement, row));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int start = 0; start < rows.size(); start += perStatement) {
                int p = 1;
                for (Object[] values : rows.subList(start, start + perStatement)) {
                    for (int i = 0; i < types.length; i++) {
                        if (values[i] == null) {
                            ps.setNull(p++, types[i]);
                        } else {
                            ps.setObject(p++, values[i], types[i]);
                        }
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static List<Plan> query(Connection c, String where, List<Object> args, String tail, boolean details)
            throws SQLException {
        List<Plan> plans = Jdbc.query(c, "SELECT " + COLUMNS + " FROM tp_alloc_plan WHERE " + where
                + (tail == null ? "" : tail), args, PlanDao::plan);
        if (!details) {
            return plans;
        }
        List<Plan> full = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            full.add(p.toBuilder().needs(needs(c, p.id())).lines(lines(c, p.id())).build());
        }
        return full;
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        String src = rs.getString("source_depots");
        return Plan.builder().id(rs.getLong("id")).status(PlanStatus.valueOf(rs.getString("status")))
                .scope(rs.getString("scope")).provinceCode(rs.getString("province_code"))
                .itemId(Sql.getLong(rs, "item_id")).categoryCode(rs.getString("category_code"))
                .sourceDepotIds(src == null ? List.of() : Arrays.stream(src.split(",")).map(Long::valueOf).toList())
                .policy(rs.getString("policy")).note(rs.getString("note")).createdBy(rs.getString("created_by"))
                .createdByProvince(rs.getString("created_by_province")).createdAt(Sql.getInstant(rs, "created_at"))
                .decidedBy(rs.getString("decided_by")).decidedAt(Sql.getInstant(rs, "decided_at"))
                .batchId(Sql.getLong(rs, "batch_id")).totalRequested(rs.getLong("total_requested"))
                .totalPlanned(rs.getLong("total_planned")).needs(List.of()).lines(List.of()).build();
    }

    static Plan get(Connection c, long id) throws SQLException {
        List<Plan> rows = query(c, "id = ?", List.of(id), null, true);
        if (rows.isEmpty()) {
            throw new NotFoundException("Plan", id);
        }
        return rows.get(0);
    }

    /** The longest chunk of outcomes: Derby's VARCHAR holds 32,672 characters. */
    static final int CHUNK_CHARS = 32_000;
    private static final ObjectWriter OUTCOME_WRITER = new ObjectMapper().writerFor(PlanNeedResult.class);
    private static final ObjectReader OUTCOMES_READER = new ObjectMapper().readerFor(PlanNeedResult[].class);

    /** The outcomes in rank order as JSON arrays of at most {@link #CHUNK_CHARS} characters each. */
    static List<String> outcomeChunks(List<PlanNeedResult> outcomes) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS);
        try {
            for (PlanNeedResult n : outcomes) {
                String json = OUTCOME_WRITER.writeValueAsString(new PlanNeedResult(n.needId(), n.rank(),
                        cut(n.reason(), 1000), n.requested(), n.planned(), cut(n.shortReason(), 500)));
                if (chunk.length() > 0 && chunk.length() + json.length() + 2 > CHUNK_CHARS) {
                    chunks.add(chunk.append(']').toString());
                    chunk.setLength(0);
                }
                chunk.append(chunk.length() == 0 ? '[' : ',').append(json);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plan outcome could not be written as JSON", e);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.append(']').toString());
        }
        return chunks;
    }

    private static List<PlanNeedResult> needs(Connection c, long planId) throws SQLException {
        List<String> bodies = Jdbc.query(c, "SELECT body FROM tp_alloc_plan_outcomes WHERE plan_id = ? ORDER BY chunk_no",
                Jdbc.args(planId), rs -> rs.getString(1));
        List<PlanNeedResult> out = new ArrayList<>();
        try {
            for (String body : bodies) {
                out.addAll(Arrays.asList((PlanNeedResult[]) OUTCOMES_READER.readValue(body)));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("Plan " + planId + " has unreadable outcomes", e);
        }
        return out.isEmpty() ? storedAsRows(c, planId) : out;
    }

    /** Outcomes of a plan stored before V3, one row each. */
    private static List<PlanNeedResult> storedAsRows(Connection c, long planId) throws SQLException {
        return Jdbc.query(c, "SELECT need_id, rank_no, reason, requested, planned, short_reason FROM tp_alloc_plan_need "
                + "WHERE plan_id = ? ORDER BY rank_no", Jdbc.args(planId), rs -> new PlanNeedResult(rs.getLong("need_id"),
                        rs.getInt("rank_no"), rs.getString("reason"), rs.getLong("requested"), rs.getLong("planned"),
                        rs.getString("short_reason")));
    }

    private static List<PlanLine> lines(Connection c, long planId) throws SQLException {
        return Jdbc.query(c, "SELECT line_no, need_id, rank_no, item_id, from_depot_id, to_depot_id, quantity, distance, "
                + "reason, to_org_unit_id FROM tp_alloc_plan_line WHERE plan_id = ? ORDER BY line_no", Jdbc.args(planId),
                rs -> new PlanLine(rs.getInt("line_no"), rs.getLong("need_id"), rs.getInt("rank_no"), rs.getLong("item_id"),
                        rs.getLong("from_depot_id"), rs.getLong("to_depot_id"), rs.getLong("quantity"),
                        rs.getInt("distance"), rs.getString("reason"), Sql.getLong(rs, "to_org_unit_id")));
    }
}
