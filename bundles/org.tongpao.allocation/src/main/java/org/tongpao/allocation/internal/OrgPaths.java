package org.tongpao.allocation.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;

/**
 * Ancestor chains of org units and default receiving depots, read through the core services as the
 * platform and cached for one operation (a plan touches each unit many times).
 */
final class OrgPaths {
    private final OrgUnitService units;
    private final DepotService depots;
    private final Caller system;
    private final Map<Long, OrgUnit> unitCache = new HashMap<>();
    private final Map<Long, long[]> pathCache = new HashMap<>();
    private final Map<Long, Optional<Long>> ownDepot = new HashMap<>();

    OrgPaths(OrgUnitService units, DepotService depots, String requestId) {
        this.units = units;
        this.depots = depots;
        this.system = Caller.system(requestId);
    }

    OrgUnit unit(long id) {
        return unitCache.computeIfAbsent(id, i -> units.get(system, i));
    }

    /** Root first, {@code unitId} last. */
    long[] path(long unitId) {
        long[] cached = pathCache.get(unitId);
        if (cached != null) {
            return cached;
        }
        Deque<Long> chain = new ArrayDeque<>();
        Long cur = unitId;
        while (cur != null && chain.size() < 32) {
            chain.addFirst(cur);
            cur = unit(cur).parentId();
        }
        long[] path = chain.stream().mapToLong(Long::longValue).toArray();
        pathCache.put(unitId, path);
        return path;
    }

    /** {@code /1/5/17/} — stored on a need so key-area subtrees match with LIKE. */
    static String encode(long[] path) {
        StringBuilder sb = new StringBuilder("/");
        for (long id : path) {
            sb.append(id).append('/');
        }
        return sb.toString();
    }

    static long[] decode(String path) {
        String[] parts = path.substring(1).split("/");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    /** The first active depot of the unit or of its nearest ancestor. */
    Optional<Long> receivingDepot(long unitId) {
        long[] path = path(unitId);
        for (int i = path.length - 1; i >= 0; i--) {
            Optional<Long> own = ownDepot.computeIfAbsent(path[i], this::firstActiveDepot);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    private Optional<Long> firstActiveDepot(long unitId) {
        Page<Depot> page = depots.list(system, new DepotFilter(null, unitId, Boolean.TRUE, null), 1, null);
        List<Depot> items = page.items();
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).id());
    }
}
