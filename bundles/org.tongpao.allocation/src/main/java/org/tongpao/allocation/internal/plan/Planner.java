package org.tongpao.allocation.internal.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pure planning step: needs in priority order, depots with their place in the org tree, and the
 * stock available per item and depot in; proposed lines and per-need outcomes out. No I/O, no clock.
 *
 * <p>Source order for a need: the named source depots in the given order when any are given; else
 * nearest first by org tree — depots owned by the needing unit's own subtree, then its parent's, and so
 * on up to the root (same county, city, province before other provinces), inside one level shallower
 * owners first, then depot id — and the central reserve last. The per-ancestor depot lists are built
 * once per supply key (item or category), so a need costs O(candidate depots × tree depth).
 */
public final class Planner {

    /** A depot: {@code ownerPath} is the owner unit's ancestor chain, root first, owner last. */
    public record DepotNode(long id, long[] ownerPath, boolean central) {
    }

    /**
     * A need to serve, already ranked. {@code itemId} null means any item of {@code categoryCode};
     * {@code unitPath} is the needing unit's ancestor chain, root first; {@code toDepotId} receives, or (0 and)
     * {@code toOrgUnitId}, the needing unit itself when it takes delivery without a depot.
     */
    public record PlanNeed(long needId, int rank, String reason, Long itemId, String categoryCode, long remaining,
            long[] unitPath, long toDepotId, Long toOrgUnitId) {
        public PlanNeed(long needId, int rank, String reason, Long itemId, String categoryCode, long remaining,
                long[] unitPath, long toDepotId) {
            this(needId, rank, reason, itemId, categoryCode, remaining, unitPath, toDepotId, null);
        }
    }

    /**
     * Stock of one item in one depot under a designation (inventory 1.6): part of the depot's available figure that
     * only the needs {@code admits} accepts may take. Needs inside the designation take it before free stock.
     */
    public record Pool(long itemId, long depotId, long quantity, Predicate<PlanNeed> admits) {
    }

    /** A pool as planning consumes it. */
    private static final class PoolLeft {
        final Predicate<PlanNeed> admits;
        long left;

        PoolLeft(Predicate<PlanNeed> admits, long left) {
            this.admits = admits;
            this.left = left;
        }
    }

    public record Line(long needId, int rank, long itemId, long fromDepotId, long toDepotId, long quantity,
            int distance, String reason, Long toOrgUnitId) {
    }

    public record Outcome(long needId, int rank, String reason, long requested, long planned, String shortReason) {
    }

    public record Result(List<Line> lines, List<Outcome> outcomes) {
        public long totalPlanned() {
            return lines.stream().mapToLong(Line::quantity).sum();
        }
    }

    private final DepotNode[] depots;
    private final Map<Long, Integer> depotIndex = new HashMap<>();
    /** itemId → available per depot index; decremented as lines are planned. */
    private final Map<Long, long[]> stock = new HashMap<>();
    private final Map<Long, long[]> itemTotals = new HashMap<>();
    private final Map<Long, Long> initialTotals = new HashMap<>();
    private final Map<String, long[]> categoryItems = new HashMap<>();
    private final int[] sources;
    private final Map<String, Candidates> candidates = new HashMap<>();
    private final List<Candidates> built = new ArrayList<>();
    /** itemId → depot index → designated pools there; absent: all of the depot's stock is free. */
    private final Map<Long, Map<Integer, List<PoolLeft>>> pools = new HashMap<>();
    /** Set while planning a need when designated stock it may not take was passed over. */
    private boolean passedDesignated;

    /**
     * @param stockByItem     itemId → depotId → available quantity (absent = 0)
     * @param itemsByCategory category code → item ids, in the order a category need tries them
     * @param sourceDepotIds  named sources in order, or empty for nearest first
     */
    public Planner(List<DepotNode> depotNodes, Map<Long, Map<Long, Long>> stockByItem,
            Map<String, List<Long>> itemsByCategory, List<Long> sourceDepotIds) {
        this(depotNodes, stockByItem, itemsByCategory, sourceDepotIds, List.of());
    }

    /**
     * @param designated the designated part of {@code stockByItem} (which counts it in the depots' figures): what
     *                   only some needs may take
     */
    public Planner(List<DepotNode> depotNodes, Map<Long, Map<Long, Long>> stockByItem,
            Map<String, List<Long>> itemsByCategory, List<Long> sourceDepotIds, List<Pool> designated) {
        this.depots = depotNodes.toArray(new DepotNode[0]);
        for (int i = 0; i < depots.length; i++) {
            depotIndex.put(depots[i].id(), i);
        }
        stockByItem.forEach((item, perDepot) -> {
            long[] row = new long[depots.length];
            long total = 0;
            for (Map.Entry<Long, Long> e : perDepot.entrySet()) {
                Integer idx = depotIndex.get(e.getKey());
                if (idx != null && e.getValue() != null && e.getValue() > 0) {
                    row[idx] = e.getValue();
                    total += e.getValue();
                }
            }
            stock.put(item, row);
            itemTotals.put(item, new long[] {total});
            initialTotals.put(item, total);
        });
        itemsByCategory.forEach((cat, items) -> categoryItems.put(cat,
                items.stream().mapToLong(Long::longValue).toArray()));
        List<Integer> src = new ArrayList<>();
        for (Long id : sourceDepotIds == null ? List.<Long>of() : sourceDepotIds) {
            Integer idx = depotIndex.get(id);
            if (idx != null) {
                src.add(idx);
            }
        }
        this.sources = src.stream().mapToInt(Integer::intValue).toArray();
        for (Pool pool : designated) {
            Integer idx = depotIndex.get(pool.depotId());
            if (idx != null && pool.quantity() > 0) {
                pools.computeIfAbsent(pool.itemId(), k -> new HashMap<>()).computeIfAbsent(idx, k -> new ArrayList<>())
                        .add(new PoolLeft(pool.admits(), pool.quantity()));
            }
        }
    }

    /** Plans the needs in the order given (their priority order). */
    public Result plan(List<PlanNeed> rankedNeeds) {
        List<Line> lines = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(rankedNeeds.size());
        for (PlanNeed need : rankedNeeds) {
            long[] items = need.itemId() != null ? new long[] {need.itemId()}
                    : categoryItems.getOrDefault(need.categoryCode(), new long[0]);
            long[] open = {need.remaining()};
            passedDesignated = false;
            if (open[0] > 0 && inStock(items)) {
                long[][] rows = new long[items.length][];
                for (int i = 0; i < items.length; i++) {
                    rows[i] = stock.get(items[i]);
                }
                if (sources.length > 0) {
                    for (int d : sources) {
                        take(need, items, rows, d, -1, -1, open, lines);
                        if (open[0] == 0) {
                            break;
                        }
                    }
                } else {
                    nearestFirst(need, items, rows, open, lines);
                }
            }
            long planned = need.remaining() - open[0];
            String shortReason = open[0] == 0 ? null : shortReason(need.remaining(), planned, why(items, planned)
                    + (passedDesignated ? "; stock designated for other destinations was not used" : ""));
            outcomes.add(new Outcome(need.needId(), need.rank(), need.reason(), need.remaining(), planned, shortReason));
        }
        return new Result(lines, outcomes);
    }

    private boolean inStock(long[] items) {
        for (long item : items) {
            long[] t = itemTotals.get(item);
            if (t != null && t[0] > 0) {
                return true;
            }
        }
        return false;
    }

    private void nearestFirst(PlanNeed need, long[] items, long[][] rows, long[] open, List<Line> lines) {
        Candidates c = candidates.computeIfAbsent(key(need), k -> build(items));
        long[] path = need.unitPath();
        for (int k = path.length - 1; k >= 0 && open[0] > 0; k--) {
            DepotList list = c.subtree.get(path[k]);
            if (list == null) {
                continue;
            }
            long visited = k + 1 < path.length ? path[k + 1] : Long.MIN_VALUE;
            // nothing left in this ring (the subtree minus the part already tried): skip it whole
            if (c.left(path[k]) - (k + 1 < path.length ? c.left(visited) : 0) <= 0) {
                continue;
            }
            int up = path.length - 1 - k;
            int prev = -1;
            for (int i = list.head; i != -1; ) {
                int d = list.depot[i];
                int next = list.next[i];
                if (empty(rows, d)) {
                    // unlink for good: stock only ever goes down while planning
                    if (prev == -1) {
                        list.head = next;
                    } else {
                        list.next[prev] = next;
                    }
                    i = next;
                    continue;
                }
                long[] owner = depots[d].ownerPath();
                if (owner.length <= k + 1 || owner[k + 1] != visited) { // else already tried one level deeper
                    take(need, items, rows, d, up, up + owner.length - 1 - k, open, lines);
                    if (open[0] == 0) {
                        return;
                    }
                }
                prev = i;
                i = next;
            }
        }
        for (int d : c.central) {
            if (open[0] == 0) {
                return;
            }
            take(need, items, rows, d, -2, -1, open, lines);
        }
    }

    private static boolean empty(long[][] rows, int d) {
        for (long[] row : rows) {
            if (row != null && row[d] > 0) {
                return false;
            }
        }
        return true;
    }

    private static String describe(int up, int distance) {
        String where = switch (up) {
            case 0 -> "the unit's own subtree";
            case 1 -> "under the parent unit";
            default -> up + " levels up";
        };
        return "nearest: " + where + ", org distance " + distance;
    }

    /** Takes from depot {@code d}; {@code up} < 0 marks a named source (-1) or the central reserve (-2). */
    private void take(PlanNeed need, long[] items, long[][] rows, int d, int up, int distance, long[] open,
            List<Line> lines) {
        if (depots[d].id() == need.toDepotId()) {
            return; // a depot does not send to itself
        }
        for (int i = 0; i < items.length; i++) {
            long[] row = rows[i];
            if (row == null || row[d] <= 0) {
                continue;
            }
            long usable = usable(need, items[i], d, row[d]);
            if (usable <= 0) {
                continue;
            }
            long q = Math.min(open[0], usable);
            consume(need, items[i], d, q);
            row[d] -= q;
            itemTotals.get(items[i])[0] -= q;
            for (Candidates c : built) {
                c.taken(items[i], d, q);
            }
            open[0] -= q;
            String source = up == -1 ? "named source" : up == -2 ? "central reserve" : describe(up, distance);
            lines.add(new Line(need.needId(), need.rank(), items[i], depots[d].id(), need.toDepotId(), q, distance,
                    "#" + need.rank() + ": " + need.reason() + "; from " + source, need.toOrgUnitId()));
            if (open[0] == 0) {
                return;
            }
        }
    }

    /** What the need may take of a depot's {@code available}: free stock plus the pools that admit it. */
    private long usable(PlanNeed need, long item, int d, long available) {
        Map<Integer, List<PoolLeft>> byDepot = pools.get(item);
        List<PoolLeft> here = byDepot == null ? null : byDepot.get(d);
        if (here == null) {
            return available;
        }
        long restricted = 0;
        long admitted = 0;
        for (PoolLeft p : here) {
            restricted += p.left;
            if (p.left > 0 && p.admits.test(need)) {
                admitted += p.left;
            }
        }
        if (admitted < restricted) {
            passedDesignated = true;
        }
        return Math.min(available, Math.max(0, available - restricted) + admitted);
    }

    /** Takes {@code q} from the pools that admit the need first (their stock serves no one else), then free stock. */
    private void consume(PlanNeed need, long item, int d, long q) {
        Map<Integer, List<PoolLeft>> byDepot = pools.get(item);
        List<PoolLeft> here = byDepot == null ? null : byDepot.get(d);
        long rest = q;
        for (int i = 0; here != null && i < here.size() && rest > 0; i++) {
            PoolLeft p = here.get(i);
            if (p.left > 0 && p.admits.test(need)) {
                long t = Math.min(rest, p.left);
                p.left -= t;
                rest -= t;
            }
        }
    }

    private static String key(PlanNeed need) {
        return need.itemId() != null ? "i:" + need.itemId() : "c:" + need.categoryCode();
    }

    /** Depots holding any of {@code items}: per ancestor unit the stocked depots of its subtree, sorted. */
    private Candidates build(long[] items) {
        Map<Long, List<Integer>> lists = new HashMap<>();
        List<Integer> central = new ArrayList<>();
        for (int d = 0; d < depots.length; d++) {
            if (!stocked(items, d)) {
                continue;
            }
            if (depots[d].central()) {
                central.add(d);
                continue;
            }
            for (long unit : depots[d].ownerPath()) {
                lists.computeIfAbsent(unit, u -> new ArrayList<>()).add(d);
            }
        }
        Comparator<Integer> order = Comparator.<Integer>comparingInt(d -> depots[d].ownerPath().length)
                .thenComparingLong(d -> depots[d].id());
        Map<Long, DepotList> subtree = new HashMap<>();
        lists.forEach((unit, l) -> {
            l.sort(order);
            subtree.put(unit, new DepotList(l.stream().mapToInt(Integer::intValue).toArray()));
        });
        central.sort(Comparator.comparingLong(d -> depots[d].id()));
        Map<Long, long[]> left = new HashMap<>();
        Set<Long> keyItems = new HashSet<>();
        for (long item : items) {
            keyItems.add(item);
            long[] row = stock.get(item);
            for (int d = 0; row != null && d < depots.length; d++) {
                if (row[d] > 0 && !depots[d].central()) {
                    for (long unit : depots[d].ownerPath()) {
                        left.computeIfAbsent(unit, u -> new long[1])[0] += row[d];
                    }
                }
            }
        }
        Candidates c = new Candidates(subtree, central.stream().mapToInt(Integer::intValue).toArray(), left, keyItems);
        built.add(c);
        return c;
    }

    private boolean stocked(long[] items, int d) {
        for (long item : items) {
            long[] row = stock.get(item);
            if (row != null && row[d] > 0) {
                return true;
            }
        }
        return false;
    }

    private String why(long[] items, long planned) {
        if (items.length == 0) {
            return "no item in the category";
        }
        if (planned > 0) {
            return "not enough stock in reach";
        }
        boolean hadStock = false;
        for (long item : items) {
            hadStock |= initialTotals.getOrDefault(item, 0L) > 0;
        }
        String where = sources.length > 0 ? "in the named sources" : "in reach";
        return hadStock ? "stock " + where + " taken by higher-ranked needs" : "no stock " + where;
    }

    /** "short: 40 of 1,200; 1,160 remain open (why)" — built by hand: String.format cost a tenth of a plan. */
    private static String shortReason(long requested, long planned, String why) {
        StringBuilder sb = new StringBuilder(96).append("short: ");
        grouped(sb, planned).append(" of ");
        grouped(sb, requested).append("; ");
        return grouped(sb, requested - planned).append(" remain open (").append(why).append(')').toString();
    }

    /** Appends {@code n} with a comma every three digits, as {@code %,d} in the root locale. */
    public static StringBuilder grouped(StringBuilder sb, long n) {
        String digits = Long.toString(Math.abs(n));
        if (n < 0) {
            sb.append('-');
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb;
    }

    /** A sorted depot list from which emptied depots are unlinked as the scan meets them. */
    private static final class DepotList {
        final int[] depot;
        final int[] next;
        int head;

        DepotList(int[] depots) {
            this.depot = depots;
            this.next = new int[depots.length];
            for (int i = 0; i < depots.length; i++) {
                next[i] = i + 1 < depots.length ? i + 1 : -1;
            }
            this.head = depots.length == 0 ? -1 : 0;
        }
    }

    /**
     * Per supply key: the sorted depot lists per ancestor unit, the central reserve, and what is left in
     * each unit's subtree (kept current as lines are planned, so empty rings are skipped in O(1)).
     */
    private final class Candidates {
        final Map<Long, DepotList> subtree;
        final int[] central;
        private final Map<Long, long[]> left;
        private final Set<Long> items;

        Candidates(Map<Long, DepotList> subtree, int[] central, Map<Long, long[]> left, Set<Long> items) {
            this.subtree = subtree;
            this.central = central;
            this.left = left;
            this.items = items;
        }

        long left(long unit) {
            long[] l = left.get(unit);
            return l == null ? 0 : l[0];
        }

        void taken(long item, int d, long q) {
            if (!items.contains(item) || depots[d].central()) {
                return;
            }
            for (long unit : depots[d].ownerPath()) {
                long[] l = left.get(unit);
                if (l != null) {
                    l[0] -= q;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Planner[" + depots.length + " depots, items " + Arrays.toString(stock.keySet().toArray()) + "]";
    }
}
