package org.tongpao.inventory.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongpao.core.Caller;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;

/** Read views, filtered to the caller's scope; balances are read from the balance table, never the ledger. */
final class Views {
    /** SQL: a lot's issuable free stock (takes "today" as its one parameter). */
    private static final String AVAILABLE = "CASE WHEN " + Expiry.issuable("l", "?")
            + " THEN b.on_hand - b.reserved ELSE 0 END";

    /** Balance rows holding stock, with their lot, depot and item. */
    private static final String BALANCES_HELD = " FROM tp_inv_balance b JOIN tp_inv_lot l ON l.id = b.lot_id "
            + "JOIN tp_core_v1_depot d ON d.id = b.depot_id JOIN tp_core_v1_item i ON i.id = b.item_id "
            + "WHERE b.on_hand > 0";

    private static final String GROUP_CURSOR = "di";
    private static final String TIME_CURSOR = "mt";

    private final Ledger ledger;

    Views(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The province a province-reach caller's summary reads are limited to; null for national reach. */
    static String summaryProvince(Caller caller) {
        return ScopeRules.readReach(caller) == ScopeRules.Reach.PROVINCE ? caller.provinceCode() : null;
    }

    /** Appends the scope condition on depot alias {@code d}; false when the caller sees no depot at all. */
    private static boolean scope(Caller caller, String d, StringBuilder where, List<Object> params) {
        switch (ScopeRules.readReach(caller)) {
            case ALL:
                return true;
            case PROVINCE:
                where.append(" AND ").append(d).append(".province_code = ?");
                params.add(caller.provinceCode());
                return true;
            case DEPOT:
                where.append(" AND ").append(d).append(".code = ?");
                params.add(caller.depotCode());
                return true;
            default:
                return false;
        }
    }

    Page<Lot> lots(Caller caller, Long depotId, Long itemId, LotStatus status, int limit, String cursor) {
        int n = Paging.limit(limit);
        StringBuilder where = new StringBuilder(" JOIN tp_core_v1_depot d ON d.id = l.depot_id WHERE l.id > ?");
        List<Object> params = new ArrayList<>(List.of(Paging.after(cursor)));
        if (!scope(caller, "d", where, params)) {
            return new Page<>(List.of(), null);
        }
        optional(where, params, "l.depot_id", depotId);
        optional(where, params, "l.item_id", itemId);
        LocalDate today = ledger.today();
        status(where, params, status, today);
        return ledger.read(c -> Paging.page(Jdbc.query(c, Lots.SELECT + where + Paging.orderAndFetch("l.id", n),
                params, rs -> ledger.lots.map(rs, today)), n, Lot::id));
    }

    private static void optional(StringBuilder where, List<Object> params, String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** A lot past its expiry date counts as EXPIRED while its stored status is AVAILABLE. */
    private static LotStatus effectiveStatus(String stored, LocalDate expiry, LocalDate today) {
        LotStatus st = LotStatus.valueOf(stored);
        return st == LotStatus.AVAILABLE && expiry != null && expiry.isBefore(today) ? LotStatus.EXPIRED : st;
    }

    /** The effective status: a lot past its expiry date counts as EXPIRED whatever is stored. */
    private static void status(StringBuilder where, List<Object> params, LotStatus status, LocalDate today) {
        if (status == null) {
            return;
        }
        if (status == LotStatus.AVAILABLE) {
            where.append(" AND ").append(Expiry.issuable("l", "?"));
            params.add(today);
        } else if (status == LotStatus.EXPIRED) {
            where.append(" AND (l.lot_status = 'EXPIRED' OR (l.lot_status = 'AVAILABLE' AND l.expiry_date < ?))");
            params.add(today);
        } else {
            where.append(" AND l.lot_status = ?");
            params.add(status.name());
        }
    }

    /**
     * Movements in the order they happened (then by id), keyset-paged on (occurred-at, id): a replica's late,
     * back-dated postings take their place in time, not at the end.
     */
    Page<Movement> movements(Caller caller, MovementFilter f, int limit, String cursor) {
        int n = Paging.limit(limit);
        StringBuilder where = new StringBuilder(" JOIN tp_core_v1_depot d ON d.id = m.depot_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        long[] after = groupCursor(TIME_CURSOR, cursor);
        if (cursor != null && !cursor.isBlank()) {
            Instant at = Instant.ofEpochMilli(after[0]);
            where.append(" AND (m.occurred_at > ? OR (m.occurred_at = ? AND m.id > ?))");
            params.addAll(List.of(at, at, after[1]));
        }
        if (!scope(caller, "d", where, params)) {
            return new Page<>(List.of(), null);
        }
        if (f != null) {
            optional(where, params, "m.depot_id", f.depotId());
            optional(where, params, "m.item_id", f.itemId());
            optional(where, params, "m.movement_type", f.type() == null ? null : f.type().name());
            if (f.from() != null) {
                where.append(" AND m.occurred_at >= ?");
                params.add(f.from());
            }
            if (f.to() != null) {
                where.append(" AND m.occurred_at < ?");
                params.add(f.to());
            }
        }
        return ledger.read(c -> {
            List<Movement> rows = Jdbc.query(c, Postings.MOVEMENT_SELECT + where + " ORDER BY m.occurred_at, m.id "
                    + "FETCH FIRST " + (n + 1) + " ROWS ONLY", params, Postings::mapMovement);
            if (rows.size() <= n) {
                return new Page<>(rows, null);
            }
            Movement last = rows.get(n - 1);
            return new Page<>(rows.subList(0, n), groupCursor(TIME_CURSOR, last.occurredAt().toEpochMilli(), last.id()));
        });
    }

    Posting posting(Caller caller, long id) {
        return ledger.read(c -> {
            Posting p = ledger.postings.load(c, id);
            if (p == null) {
                throw new org.tongpao.core.NotFoundException("posting", id);
            }
            Scope.requireRead(caller, ledger.core.depot(c, p.depotId()), "posting", id);
            return p;
        });
    }

    Page<Transfer> transfers(Caller caller, Transfer.Status status, Long depotId, int limit, String cursor) {
        int n = Paging.limit(limit);
        StringBuilder where = new StringBuilder(" WHERE t.id > ?");
        List<Object> params = new ArrayList<>(List.of(Paging.after(cursor)));
        if (!TransferViews.filter(caller, status, depotId, where, params)) {
            return new Page<>(List.of(), null);
        }
        return ledger.read(c -> Paging.page(Jdbc.query(c, TransferViews.FROM + where
                + Paging.orderAndFetch("t.id", n), params, Transfers::map), n, Transfer::id));
    }

    List<Threshold> thresholds(Caller caller, Long depotId, Long itemId) {
        StringBuilder where = new StringBuilder(" JOIN tp_core_v1_depot d ON d.id = t.depot_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!scope(caller, "d", where, params)) {
            return List.of();
        }
        optional(where, params, "t.depot_id", depotId);
        optional(where, params, "t.item_id", itemId);
        return ledger.read(c -> Jdbc.query(c, "SELECT t.depot_id, t.item_id, t.minimum_level, t.reorder_level "
                + "FROM tp_inv_threshold t" + where + " ORDER BY t.depot_id, t.item_id FETCH FIRST 5000 ROWS ONLY",
                params, Thresholds::map));
    }

    // ---------------------------------------------------------------- balances

    List<org.tongpao.inventory.Balance> lotBalances(Caller caller, Long depotId, long itemId) {
        LocalDate today = ledger.today();
        StringBuilder where = new StringBuilder(BALANCES_HELD + " AND b.item_id = ?");
        List<Object> params = new ArrayList<>(List.of(today, itemId));
        if (!scope(caller, "d", where, params)) {
            return List.of();
        }
        optional(where, params, "b.depot_id", depotId);
        String sql = "SELECT b.depot_id, b.item_id, b.lot_id, d.province_code, i.category_code, l.expiry_date, "
                + "l.lot_status, b.on_hand, b.reserved, " + AVAILABLE + " AS available" + where
                + " ORDER BY b.depot_id, CASE WHEN l.expiry_date IS NULL THEN 1 ELSE 0 END, l.expiry_date, b.lot_id"
                + " FETCH FIRST 5000 ROWS ONLY";
        return ledger.read(c -> Jdbc.query(c, sql, params, rs -> {
            LocalDate expiry = Jdbc.localDate(rs, "expiry_date");
            LotStatus st = effectiveStatus(rs.getString("lot_status"), expiry, today);
            return new org.tongpao.inventory.Balance(rs.getLong("depot_id"), rs.getLong("item_id"),
                    rs.getLong("lot_id"), rs.getString("province_code"), rs.getString("category_code"), expiry, st,
                    rs.getLong("on_hand"), rs.getLong("reserved"), rs.getLong("available"));
        }));
    }

    List<ProvinceStock> nationalStock(Caller caller, String categoryCode) {
        LocalDate today = ledger.today();
        return switch (ScopeRules.readReach(caller)) {
            // balances and their age in one transaction: a posting applied meanwhile is in both or in neither
            case ALL, PROVINCE -> ledger.readTogether(c -> nationalRows(c, caller, categoryCode, today,
                    ledger.summaries.itemStock(c, summaryProvince(caller), today)));
            case DEPOT -> ledger.readTogether(c -> nationalRows(c, caller, categoryCode, today, null));
            default -> List.of();
        };
    }

    /**
     * National stock by category and by item from one read of the item summary, in one read transaction (1.8). A
     * depot keeper's scope is finer than the summary: both come from that depot's balances, as in the two reads.
     */
    org.tongpao.inventory.StockSnapshot stock(Caller caller) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL, PROVINCE -> {
                LocalDate today = ledger.today();
                yield ledger.readTogether(c -> {
                    List<org.tongpao.inventory.ItemStock> items = ledger.summaries.itemStock(c,
                            summaryProvince(caller), today);
                    return new org.tongpao.inventory.StockSnapshot(nationalRows(c, caller, null, today, items), items);
                });
            }
            case DEPOT -> new org.tongpao.inventory.StockSnapshot(nationalStock(caller, null),
                    new SummaryViews(ledger).itemStock(caller));
            default -> new org.tongpao.inventory.StockSnapshot(List.of(), List.of());
        };
    }

    /** {@code items}: the summary's rows for national and provincial reach; null for a depot keeper. */
    private List<ProvinceStock> nationalRows(Connection c, Caller caller, String categoryCode, LocalDate today,
            List<org.tongpao.inventory.ItemStock> items) throws SQLException {
        StringBuilder where = new StringBuilder(BALANCES_HELD);
        List<Object> params = new ArrayList<>();
        if (!scope(caller, "d", where, params)) {
            return List.of();
        }
        optional(where, params, "i.category_code", categoryCode);
        List<Object> all = new ArrayList<>();
        all.add(today);
        all.addAll(params);
        String sql = "SELECT d.province_code, i.category_code, SUM(b.on_hand) AS on_hand, SUM(b.reserved) AS reserved, "
                + "SUM(" + AVAILABLE + ") AS available"
                + where + " GROUP BY d.province_code, i.category_code ORDER BY d.province_code, i.category_code";
        List<Object[]> figures = items == null
                ? Jdbc.query(c, sql, all, rs -> new Object[] {rs.getString("province_code"),
                        rs.getString("category_code"), rs.getLong("on_hand"), rs.getLong("reserved"),
                        rs.getLong("available")})
                : SummaryViews.byCategory(c, items, categoryCode);
        Map<List<String>, Long> frontLine = deliveredToFrontLine(c, caller, categoryCode);
        // the replicas' age last: a posting's write locks it last (ReplicaAges, just before its commit)
        Map<String, Instant> asOf = new HashMap<>();
        // the latest per province taken here, not by GROUP BY (a Derby sort: see Summaries, SORTS)
        Jdbc.query(c, "SELECT d.province_code, r.last_occurred_at AS as_of FROM tp_inv_replica_depot r "
                + "JOIN tp_core_v1_depot d ON d.id = r.depot_id", List.of(), rs -> {
                    Instant t = Sql.getInstant(rs, "as_of");
                    return t == null ? null : asOf.merge(rs.getString(1), t, (x, y) -> x.isAfter(y) ? x : y);
                });
        List<ProvinceStock> rows = new ArrayList<>();
        for (Object[] r : figures) {
            String province = (String) r[0];
            String owner = province == null ? null : ledger.owners.remoteOwner(province).orElse(null);
            rows.add(new ProvinceStock(province, (String) r[1], (Long) r[2], (Long) r[3], (Long) r[4], owner,
                    owner == null ? null : asOf.get(province),
                    frontLine.getOrDefault(Arrays.asList(province, (String) r[1]), 0L)));
        }
        // a province whose stock all went to the front line still reports what it delivered
        Set<List<String>> listed = new HashSet<>();
        rows.forEach(r -> listed.add(Arrays.asList(r.provinceCode(), r.categoryCode())));
        frontLine.forEach((key, qty) -> {
            if (!listed.contains(key)) {
                rows.add(new ProvinceStock(key.get(0), key.get(1), 0, 0, 0, null, null, qty));
            }
        });
        rows.sort(Comparator.comparing(ProvinceStock::provinceCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProvinceStock::categoryCode));
        return rows;
    }

    /**
     * What the ledger issued to front-line units (level STATION), per the unit's province and the item's category,
     * within the caller's read reach of the receiving province: from the summary kept with the issues (V8).
     */
    private Map<List<String>, Long> deliveredToFrontLine(Connection c, Caller caller, String categoryCode)
            throws SQLException {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> ledger.summaries.frontLine(c, null, categoryCode);
            case PROVINCE -> ledger.summaries.frontLine(c, caller.provinceCode(), categoryCode);
            default -> Map.of();
        };
    }

    Page<StockBalance> balances(Caller caller, BalanceFilter f, int limit, String cursor) {
        int n = Paging.limit(limit);
        BalanceFilter filter = f == null ? new BalanceFilter(null, null, null, null, null, null, null, false) : f;
        LocalDate today = ledger.today();
        StringBuilder where = new StringBuilder(BALANCES_HELD);
        List<Object> params = new ArrayList<>();
        if (!scope(caller, "d", where, params)) {
            return new Page<>(List.of(), null);
        }
        optional(where, params, "d.province_code", filter.provinceCode());
        optional(where, params, "b.depot_id", filter.depotId());
        optional(where, params, "d.code", filter.depotCode());
        optional(where, params, "i.category_code", filter.categoryCode());
        optional(where, params, "b.item_id", filter.itemId());
        optional(where, params, "i.code", filter.itemCode());
        status(where, params, filter.status(), today);
        return filter.byItem() ? byItem(where, params, today, n, cursor) : byLot(where, params, today, n, cursor);
    }

    /** One row per lot, keyset-paged by lot id. */
    private Page<StockBalance> byLot(StringBuilder where, List<Object> params, LocalDate today, int n, String cursor) {
        where.append(" AND b.lot_id > ?");
        params.add(Paging.after(cursor));
        List<Object> all = new ArrayList<>();
        all.add(today);
        all.addAll(params);
        String sql = "SELECT b.lot_id, b.depot_id, d.code AS depot_code, d.province_code, b.item_id, "
                + "i.code AS item_code, i.category_code, l.expiry_date, l.lot_status, b.on_hand, b.reserved, "
                + AVAILABLE + " AS available" + where + Paging.orderAndFetch("b.lot_id", n);
        return ledger.read(c -> Paging.page(Jdbc.query(c, sql, all, rs -> {
            LocalDate expiry = Jdbc.localDate(rs, "expiry_date");
            LotStatus st = effectiveStatus(rs.getString("lot_status"), expiry, today);
            return new StockBalance(rs.getLong("depot_id"), rs.getString("depot_code"),
                    rs.getString("province_code"), rs.getLong("item_id"), rs.getString("item_code"),
                    rs.getString("category_code"), rs.getLong("lot_id"), expiry, st, rs.getLong("on_hand"),
                    rs.getLong("reserved"), rs.getLong("available"),
                    st == LotStatus.AVAILABLE && ledger.expiry.shortDated(expiry, today));
        }), n, StockBalance::lotId));
    }

    /** One row per depot × item, keyset-paged by (depot, item). */
    private Page<StockBalance> byItem(StringBuilder where, List<Object> params, LocalDate today, int n,
            String cursor) {
        long[] after = groupCursor(GROUP_CURSOR, cursor);
        where.append(" AND (b.depot_id > ? OR (b.depot_id = ? AND b.item_id > ?))");
        params.add(after[0]);
        params.add(after[0]);
        params.add(after[1]);
        List<Object> all = new ArrayList<>();
        all.add(today);
        all.add(today);
        all.addAll(params);
        // the earliest expiry among issuable lots decides whether the rolled-up row is short-dated
        String sql = "SELECT b.depot_id, d.code AS depot_code, d.province_code, b.item_id, i.code AS item_code, "
                + "i.category_code, MIN(CASE WHEN " + Expiry.issuable("l", "?") + " THEN l.expiry_date END) AS expiry, "
                + "SUM(b.on_hand) AS on_hand, SUM(b.reserved) AS reserved, SUM(" + AVAILABLE + ") AS available"
                + where + " GROUP BY b.depot_id, d.code, d.province_code, b.item_id, i.code, i.category_code "
                + "ORDER BY b.depot_id, b.item_id FETCH FIRST " + (n + 1) + " ROWS ONLY";
        return ledger.read(c -> {
            List<StockBalance> rows = Jdbc.query(c, sql, all, rs -> {
                LocalDate expiry = Jdbc.localDate(rs, "expiry");
                return new StockBalance(rs.getLong("depot_id"), rs.getString("depot_code"),
                        rs.getString("province_code"), rs.getLong("item_id"), rs.getString("item_code"),
                        rs.getString("category_code"), null, expiry, null, rs.getLong("on_hand"),
                        rs.getLong("reserved"), rs.getLong("available"), ledger.expiry.shortDated(expiry, today));
            });
            if (rows.size() <= n) {
                return new Page<>(rows, null);
            }
            StockBalance last = rows.get(n - 1);
            return new Page<>(rows.subList(0, n), groupCursor(GROUP_CURSOR, last.depotId(), last.itemId()));
        });
    }

    /** A cursor of two numbers: {@code kind} {@link #GROUP_CURSOR} (depot, item) or {@link #TIME_CURSOR} (millis, id). */
    private static String groupCursor(String kind, long first, long second) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + first + ":" + second).getBytes(StandardCharsets.UTF_8));
    }

    private static long[] groupCursor(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new long[] {0, 0};
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !parts[0].equals(kind)) {
                throw new ValidationException("cursor", "invalid cursor");
            }
            return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "invalid cursor");
        }
    }
}
