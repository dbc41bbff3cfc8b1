package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.inventory.LotOnward;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * What went onward from many lots in a period, read grouped ({@code StockLedger.onward}): the lots derived from them
 * are found level by level for all of them at once, and their onward movements summed by the database per lot, type
 * and receiving unit; each sum then counts for every requested lot it derives from, as each lot's own trace would.
 */
final class LotFlows {
    private final Ledger ledger;

    LotFlows(Ledger ledger) {
        this.ledger = ledger;
    }

    /** One grouped row: a lot's onward movements of one type, to one unit or to none, in the period. */
    private record Flow(long lotId, MovementType type, boolean toUnit, long quantity) {
    }

    List<LotOnward> onward(Caller caller, Collection<Long> lotIds, Instant from, Instant to) {
        return ledger.read(c -> {
            Set<Long> roots = visible(c, caller, new ArrayList<>(new TreeSet<>(lotIds)));
            Map<Long, Long> parents = derived(c, roots);
            Map<Long, long[]> sums = new TreeMap<>();
            roots.forEach(r -> sums.put(r, new long[2]));
            List<Long> lots = new ArrayList<>(parents.keySet());
            for (Flow f : Traces.inChunks(c, lots, in -> "SELECT m.lot_id, m.movement_type, m.org_unit_id, "
                    + "SUM(ABS(m.quantity)) FROM tp_inv_movement m WHERE m.lot_id IN (" + in + ") AND "
                    + "m.movement_type IN ('" + MovementType.ISSUE.name() + "', '" + MovementType.TRANSFER_OUT.name()
                    + "') AND m.occurred_at >= ? AND m.occurred_at < ? GROUP BY m.lot_id, m.movement_type, "
                    + "m.org_unit_id", List.of(from, to), rs -> new Flow(rs.getLong(1),
                            MovementType.valueOf(rs.getString(2)), rs.getObject(3) != null, rs.getLong(4)))) {
                if (sums.containsKey(f.lotId())) {
                    sums.get(f.lotId())[0] += f.quantity(); // left the requested lot itself
                }
                if (f.type() == MovementType.ISSUE && f.toUnit()) {
                    for (Long root : rootsOf(f.lotId(), parents, roots)) {
                        sums.get(root)[1] += f.quantity();
                    }
                }
            }
            List<LotOnward> out = new ArrayList<>();
            sums.forEach((lot, v) -> out.add(new LotOnward(lot, v[0], v[1])));
            return out;
        });
    }

    /** The requested lots that exist and that the caller may read (as {@code trace} would show them). */
    private Set<Long> visible(Connection c, Caller caller, List<Long> ids) throws SQLException {
        Map<Long, Boolean> depots = new HashMap<>();
        Set<Long> out = new TreeSet<>();
        for (long[] lot : Traces.inChunks(c, ids, in -> "SELECT id, depot_id FROM tp_inv_lot WHERE id IN (" + in + ")",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
            Boolean readable = depots.get(lot[1]);
            if (readable == null) {
                DepotRef depot = ledger.core.depot(c, lot[1]);
                readable = depot != null && Scope.canRead(caller, depot);
                depots.put(lot[1], readable);
            }
            if (readable) {
                out.add(lot[0]);
            }
        }
        return out;
    }

    /** Every lot of the requested lots' trees, with its parent (null for a requested lot): level by level. */
    private static Map<Long, Long> derived(Connection c, Set<Long> roots) throws SQLException {
        Map<Long, Long> parents = new HashMap<>();
        roots.forEach(r -> parents.put(r, null));
        List<Long> level = new ArrayList<>(roots);
        while (!level.isEmpty()) {
            List<long[]> children = Traces.inChunks(c, level, in -> "SELECT l.id, l.parent_lot_id FROM tp_inv_lot l "
                    + "WHERE l.parent_lot_id IN (" + in + ")", rs -> new long[] {rs.getLong(1), rs.getLong(2)});
            level = new ArrayList<>();
            for (long[] child : children) {
                if (!parents.containsKey(child[0])) {
                    parents.put(child[0], child[1]);
                    level.add(child[0]);
                } else if (parents.get(child[0]) == null) {
                    // a requested lot derived from another requested one: it counts for both, walked once
                    parents.put(child[0], child[1]);
                }
            }
            if (parents.size() > Traces.MAX_WALK) {
                throw new ConflictException("The lots asked about were split into more than " + Traces.MAX_WALK
                        + " lots: ask about fewer at once");
            }
        }
        return parents;
    }

    /** The requested lots that {@code lotId} is, or derives from. */
    private static List<Long> rootsOf(long lotId, Map<Long, Long> parents, Set<Long> roots) {
        List<Long> out = new ArrayList<>(1);
        Set<Long> seen = new HashSet<>();
        for (Long at = lotId; at != null && seen.add(at); at = parents.get(at)) {
            if (roots.contains(at)) {
                out.add(at);
            }
        }
        return out;
    }
}
