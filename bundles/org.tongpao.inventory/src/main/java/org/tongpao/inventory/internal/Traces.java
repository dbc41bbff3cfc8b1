package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.Page;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.inventory.Designation;
import org.tongpao.inventory.DesignationOverride;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Provenance;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * Lot traceability. Forwards ({@link #trace}): a lot's descendants are the lots whose {@code parent_lot_id} chain
 * leads to it (every transfer-in makes one per source lot, so a lot split over several transfers has several
 * children); a count or adjustment changes a lot in place and shows as its movements; a delivery to a unit makes no
 * lot and shows as ISSUE movements naming the unit. Backwards ({@link #receivedBy}, {@link #origins}): each movement's
 * lot up its parent chain to the root, whose origin and source document say where the goods came from.
 */
final class Traces {
    /** A whole trace holds at most this many lots (a lot split further than this is read a page at a time). */
    static final int MAX_LOTS = 5_000;
    /** The paged trace walks at most this many lot ids (longs, a few MB) before it refuses. */
    static final int MAX_WALK = 1_000_000;
    private static final int CHUNK = 500;

    private final Ledger ledger;
    /** {@link #MAX_LOTS}; tests lower it rather than write 5,000 lots. */
    private volatile int maxLots = MAX_LOTS;

    Traces(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A lot as the backward walk needs it. */
    private record Root(long lotId, Long parentLotId, long depotId, LotOrigin origin, String sourceDocument,
            LocalDate receivedOn, Designation designation) {
    }

    LotTrace trace(Caller caller, long lotId) {
        return ledger.read(c -> {
            Lot lot = visibleLot(c, caller, lotId);
            List<Long> ids = descendantIds(c, lot.id());
            if (ids.size() > maxLots) {
                throw new ConflictException("Lot " + lot.id() + " was split into more than " + maxLots
                        + " lots: read its trace a page at a time (limit, cursor)");
            }
            return load(c, lot, ids, null);
        });
    }

    /** A page of the trace: at most {@code limit} of the derived lots after the cursor, in id order. */
    LotTrace trace(Caller caller, long lotId, int limit, String cursor) {
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        return ledger.read(c -> {
            Lot lot = visibleLot(c, caller, lotId);
            List<Long> ids = descendantIds(c, lot.id()).stream().filter(id -> id > after).limit(n + 1L).toList();
            String next = ids.size() > n ? Paging.cursor(ids.get(n - 1)) : null;
            return load(c, lot, ids.size() > n ? ids.subList(0, n) : ids, next);
        });
    }

    /** The trace of the lots {@code ids} (of {@code lot}'s tree), with the lot's ancestors. */
    private LotTrace load(Connection c, Lot lot, List<Long> ids, String nextCursor) throws SQLException {
        List<Lot> ancestors = new ArrayList<>();
        for (Long up = lot.parentLotId(); up != null && ancestors.size() < MAX_LOTS; ) {
            Lot parent = ledger.lots.lot(c, up);
            if (parent == null) {
                break;
            }
            ancestors.add(0, parent);
            up = parent.parentLotId();
        }
        LocalDate today = ledger.today();
        List<Lot> lots = inChunks(c, ids, in -> Lots.SELECT + "WHERE l.id IN (" + in + ")",
                rs -> ledger.lots.map(rs, today));
        lots.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<Movement> movements = inChunks(c, ids, in -> Postings.MOVEMENT_SELECT + "WHERE m.lot_id IN (" + in
                + ")", Postings::mapMovement);
        movements.sort((a, b) -> a.occurredAt().equals(b.occurredAt()) ? Long.compare(a.id(), b.id())
                : a.occurredAt().compareTo(b.occurredAt()));
        List<Transfer> transfers = inChunks(c, ids, in -> Transfers.SELECT + "WHERE t.id IN (SELECT tl.transfer_id "
                + "FROM tp_inv_transfer_line tl WHERE tl.lot_id IN (" + in + "))", Transfers::map);
        Map<Long, Transfer> distinct = new LinkedHashMap<>();
        transfers.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(t -> distinct.putIfAbsent(t.id(), t));
        List<DesignationOverride> overrides = inChunks(c, ids, in -> Designations.OVERRIDE_SELECT
                + "WHERE lot_id IN (" + in + ")", Designations::mapOverride);
        overrides.sort((a, b) -> Long.compare(a.id(), b.id()));
        return new LotTrace(lot, ancestors, lots, movements, new ArrayList<>(distinct.values()), overrides,
                receivers(c, movements), nextCursor);
    }

    /** For tests: a smaller bound of the whole trace. */
    void maxLots(int n) {
        maxLots = n;
    }

    private Lot visibleLot(Connection c, Caller caller, long lotId) throws SQLException {
        Lot lot = ledger.lots.lot(c, lotId);
        if (lot == null || !Scope.canRead(caller, ledger.core.depot(c, lot.depotId()))) {
            throw new NotFoundException("lot", lotId);
        }
        return lot;
    }

    /**
     * The ids of the lot and every lot made from it through transfers, level by level, in id order: ids only, so a
     * tree far larger than one answer costs little memory (the paged trace then loads one page of it).
     */
    private List<Long> descendantIds(Connection c, long lotId) throws SQLException {
        List<Long> all = new ArrayList<>(List.of(lotId));
        List<Long> level = List.of(lotId);
        while (!level.isEmpty()) {
            List<Long> children = inChunks(c, level, in -> "SELECT l.id FROM tp_inv_lot l WHERE l.parent_lot_id IN ("
                    + in + ")", rs -> rs.getLong(1));
            all.addAll(children);
            if (all.size() > MAX_WALK) {
                throw new ConflictException("Lot " + lotId + " was split into more than " + MAX_WALK
                        + " lots: trace a lot further down");
            }
            level = children;
        }
        Collections.sort(all);
        return all;
    }

    /** Units that received goods for use: ISSUE movements naming a unit, summed per unit × item. */
    private static List<LotTrace.Receiver> receivers(Connection c, List<Movement> movements) throws SQLException {
        Map<List<Long>, Long> issued = new LinkedHashMap<>();
        for (Movement m : movements) {
            if (m.type() == MovementType.ISSUE && m.orgUnitId() != null) {
                issued.merge(List.of(m.orgUnitId(), m.itemId()), -m.quantity(), Long::sum);
            }
        }
        List<LotTrace.Receiver> out = new ArrayList<>();
        Map<Long, Object[]> units = new HashMap<>();
        for (Map.Entry<List<Long>, Long> e : issued.entrySet()) {
            long unitId = e.getKey().get(0);
            Object[] u = units.computeIfAbsent(unitId, id -> unit(c, id));
            OrgLevel level = u[2] == null ? null : OrgLevel.valueOf((String) u[2]);
            out.add(new LotTrace.Receiver(unitId, (String) u[0], (String) u[1], level, (String) u[3],
                    level == OrgLevel.STATION, e.getKey().get(1), e.getValue()));
        }
        return out;
    }

    private static Object[] unit(Connection c, long id) {
        try {
            return Jdbc.one(c, "SELECT code, name, unit_level, province_code FROM tp_core_v1_org_unit WHERE id = ?",
                    List.of(id), rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)}).orElse(new Object[4]);
        } catch (SQLException e) {
            throw new org.tongpao.core.persistence.DataAccessException("Reading org unit " + id, e);
        }
    }

    Page<Provenance> receivedBy(Caller caller, long orgUnitId, int limit, String cursor) {
        int n = Paging.limit(limit);
        long after = Paging.after(cursor);
        return ledger.read(c -> {
            // unknown, or a unit outside the caller's read reach: the same 404
            Jdbc.one(c, "SELECT province_code FROM tp_core_v1_org_unit WHERE id = ?", List.of(orgUnitId),
                    rs -> new String[] {rs.getString(1)}).filter(p -> ScopeRules.canReadUnit(caller, p[0]))
                    .orElseThrow(() -> new NotFoundException("org unit", orgUnitId));
            List<Movement> issued = Jdbc.query(c, Postings.MOVEMENT_SELECT + "WHERE m.org_unit_id = ? "
                    + "AND m.movement_type = ? AND m.id > ?" + Paging.orderAndFetch("m.id", n),
                    List.of(orgUnitId, MovementType.ISSUE.name(), after), Postings::mapMovement);
            Page<Movement> page = Paging.page(issued, n, Movement::id);
            return new Page<>(provenance(c, page.items()), page.nextCursor());
        });
    }

    List<Provenance> origins(Caller caller, long postingId) {
        return ledger.read(c -> {
            Posting p = ledger.postings.load(c, postingId);
            if (p == null) {
                throw new NotFoundException("posting", postingId);
            }
            Scope.requireRead(caller, ledger.core.depot(c, p.depotId()), "posting", postingId);
            return provenance(c, p.movements());
        });
    }

    List<Provenance> transferOrigins(Caller caller, long transferId) {
        Transfer t = ledger.read(c -> Transfers.load(c, transferId));
        if (t == null) {
            throw new NotFoundException("transfer", transferId);
        }
        return ledger.read(c -> {
            DepotRef from = ledger.core.depot(c, t.fromDepotId());
            DepotRef to = t.toUnit() ? ledger.core.unitAsDestination(c, t.toOrgUnitId()) : ledger.core.depot(c,
                    t.toDepotId());
            if (!Scope.canRead(caller, from) && (to == null || !Scope.canRead(caller, to))) {
                throw new NotFoundException("transfer", transferId);
            }
            return provenance(c, Jdbc.query(c, Postings.MOVEMENT_SELECT + "WHERE m.transfer_id = ? AND "
                    + "m.movement_type = ? ORDER BY m.id", List.of(transferId, MovementType.TRANSFER_OUT.name()),
                    Postings::mapMovement));
        });
    }

    /** Each movement with its lot's path up to the root lot and the root's origin; lots read once each. */
    private static List<Provenance> provenance(Connection c, List<Movement> movements) throws SQLException {
        Map<Long, Root> known = new HashMap<>();
        List<Provenance> out = new ArrayList<>();
        for (Movement m : movements) {
            List<Long> path = new ArrayList<>();
            Root at = root(c, known, m.lotId());
            path.add(at.lotId());
            while (at.parentLotId() != null && path.size() < MAX_LOTS) {
                Root parent = root(c, known, at.parentLotId());
                if (parent == null) {
                    break;
                }
                at = parent;
                path.add(at.lotId());
            }
            Collections.reverse(path);
            out.add(new Provenance(m, path, at.lotId(), at.depotId(), at.origin(), at.sourceDocument(),
                    at.receivedOn(), at.designation()));
        }
        return out;
    }

    private static Root root(Connection c, Map<Long, Root> known, long lotId) throws SQLException {
        Root r = known.get(lotId);
        if (r == null) {
            r = Jdbc.one(c, "SELECT id, parent_lot_id, depot_id, origin, source_document, received_on, "
                    + Designations.COLUMNS + " FROM tp_inv_lot WHERE id = ?", List.of(lotId),
                    rs -> new Root(rs.getLong("id"), Sql.getLong(rs, "parent_lot_id"), rs.getLong("depot_id"),
                            LotOrigin.valueOf(rs.getString("origin")), rs.getString("source_document"),
                            Jdbc.localDate(rs, "received_on"), Designations.read(rs))).orElse(null);
            if (r != null) {
                known.put(lotId, r);
            }
        }
        return r;
    }

    /** A query over ids in chunks of {@value #CHUNK}, the results concatenated. */
    static <T> List<T> inChunks(Connection c, List<Long> ids, java.util.function.Function<String, String> sql,
            Jdbc.RowMapper<T> mapper) throws SQLException {
        return inChunks(c, ids, sql, List.of(), mapper);
    }

    /** As {@link #inChunks(Connection, List, java.util.function.Function, Jdbc.RowMapper)}, with arguments after the ids. */
    static <T> List<T> inChunks(Connection c, List<Long> ids, java.util.function.Function<String, String> sql,
            List<?> more, Jdbc.RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            List<Object> args = new ArrayList<>(chunk);
            args.addAll(more);
            out.addAll(Jdbc.query(c, sql.apply(String.join(",", Collections.nCopies(chunk.size(), "?"))), args,
                    mapper));
        }
        return out;
    }
}
