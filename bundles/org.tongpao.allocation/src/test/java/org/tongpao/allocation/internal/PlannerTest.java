package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.internal.plan.Planner;
import org.tongpao.allocation.internal.plan.Planner.DepotNode;
import org.tongpao.allocation.internal.plan.Planner.Line;
import org.tongpao.allocation.internal.plan.Planner.PlanNeed;
import org.tongpao.allocation.internal.plan.Planner.Result;

/**
 * The pure planner. Org tree used: 1 ministry; 42 Hubei → 4201 Wuhan → 420101 Jiang'an → 42010101
 * station; 4202 Yichang; 32 Jiangsu → 3201 Nanjing.
 */
class PlannerTest {
    static final long MASK = 10;
    static final long KN95 = 11;
    static final long[] STATION = {1, 42, 4201, 420101, 42010101};
    static final long[] JIANGAN = {1, 42, 4201, 420101};
    static final long[] YICHANG = {1, 42, 4202};

    static final DepotNode CENTRAL = new DepotNode(100, new long[] {1}, true);
    static final DepotNode HB_PROV = new DepotNode(101, new long[] {1, 42}, false);
    static final DepotNode WUHAN = new DepotNode(102, new long[] {1, 42, 4201}, false);
    static final DepotNode JIANGAN_STORE = new DepotNode(103, JIANGAN, false);
    static final DepotNode YICHANG_STORE = new DepotNode(104, YICHANG, false);
    static final DepotNode JS_PROV = new DepotNode(105, new long[] {1, 32}, false);
    static final DepotNode NANJING = new DepotNode(106, new long[] {1, 32, 3201}, false);
    static final List<DepotNode> DEPOTS = List.of(CENTRAL, HB_PROV, WUHAN, JIANGAN_STORE, YICHANG_STORE, JS_PROV, NANJING);
    static final long STATION_DEPOT = 999;

    static PlanNeed need(long id, int rank, long qty, long[] path) {
        return new PlanNeed(id, rank, "reason " + id, MASK, "MASK", qty, path, STATION_DEPOT);
    }

    static Map<Long, Map<Long, Long>> stock(long item, Object... depotQty) {
        Map<Long, Long> m = new HashMap<>();
        for (int i = 0; i < depotQty.length; i += 2) {
            m.put(((DepotNode) depotQty[i]).id(), ((Number) depotQty[i + 1]).longValue());
        }
        Map<Long, Map<Long, Long>> out = new HashMap<>();
        out.put(item, m);
        return out;
    }

    @Test
    void nearestFirstThenOtherProvincesThenCentralLast() {
        Map<Long, Map<Long, Long>> s = stock(MASK, CENTRAL, 1000, HB_PROV, 100, WUHAN, 100, JIANGAN_STORE, 100,
                YICHANG_STORE, 100, JS_PROV, 100, NANJING, 100);
        Result r = new Planner(DEPOTS, s, Map.of("MASK", List.of(MASK)), List.of())
                .plan(List.of(need(1, 1, 1200, STATION)));
        assertThat(r.lines()).extracting(Line::fromDepotId)
                .containsExactly(103L, 102L, 101L, 104L, 105L, 106L, 100L);
        assertThat(r.lines()).extracting(Line::quantity).containsExactly(100L, 100L, 100L, 100L, 100L, 100L, 600L);
        assertThat(r.lines().get(0).reason()).isEqualTo("#1: reason 1; from nearest: under the parent unit, org distance 1");
        assertThat(r.lines().get(6).reason()).endsWith("from central reserve");
        assertThat(r.outcomes().get(0).shortReason()).isNull();
    }

    @Test
    void shortageFillsInRankOrderAndExplainsWhatRemainsOpen() {
        Map<Long, Map<Long, Long>> s = stock(MASK, WUHAN, 2000, HB_PROV, 1000);
        Result r = new Planner(DEPOTS, s, Map.of("MASK", List.of(MASK)), List.of()).plan(List.of(
                need(7, 1, 2500, STATION), need(8, 2, 5000, JIANGAN), need(9, 3, 10, YICHANG)));
        assertThat(r.outcomes()).extracting(Planner.Outcome::planned).containsExactly(2500L, 500L, 0L);
        assertThat(r.outcomes().get(1).shortReason())
                .isEqualTo("short: 500 of 5,000; 4,500 remain open (not enough stock in reach)");
        assertThat(r.outcomes().get(2).shortReason()).isEqualTo("short: 0 of 10; 10 remain open (stock in reach taken by higher-ranked needs)");
        assertThat(r.totalPlanned()).isEqualTo(3000);
        // the first need drains Wuhan first (nearer), then the province
        assertThat(r.lines().get(0)).extracting(Line::fromDepotId, Line::quantity).containsExactly(102L, 2000L);
        assertThat(r.lines().get(1)).extracting(Line::fromDepotId, Line::quantity).containsExactly(101L, 500L);
    }

    @Test
    void namedSourcesAreUsedInTheGivenOrderAndNothingElse() {
        Map<Long, Map<Long, Long>> s = stock(MASK, WUHAN, 100, JS_PROV, 100, CENTRAL, 100, NANJING, 100);
        Result r = new Planner(DEPOTS, s, Map.of("MASK", List.of(MASK)), List.of(106L, 100L))
                .plan(List.of(need(1, 1, 500, STATION)));
        assertThat(r.lines()).extracting(Line::fromDepotId).containsExactly(106L, 100L);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.reason()).endsWith("from named source"));
        assertThat(r.outcomes().get(0).shortReason()).isEqualTo(
                "short: 200 of 500; 300 remain open (not enough stock in reach)");
    }

    @Test
    void categoryNeedTakesAnyItemOfTheCategoryNearestFirst() {
        Map<Long, Map<Long, Long>> s = new HashMap<>();
        s.put(MASK, Map.of(HB_PROV.id(), 50L));
        s.put(KN95, Map.of(WUHAN.id(), 30L, HB_PROV.id(), 40L));
        PlanNeed cat = new PlanNeed(1, 1, "r", null, "MASK", 100, STATION, STATION_DEPOT);
        Result r = new Planner(DEPOTS, s, Map.of("MASK", List.of(MASK, KN95)), List.of()).plan(List.of(cat));
        assertThat(r.lines()).extracting(Line::fromDepotId, Line::itemId, Line::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(102L, KN95, 30L),
                org.assertj.core.groups.Tuple.tuple(101L, MASK, 50L),
                org.assertj.core.groups.Tuple.tuple(101L, KN95, 20L));
    }

    @Test
    void aDepotDoesNotSupplyItself() {
        Map<Long, Map<Long, Long>> s = stock(MASK, WUHAN, 100, HB_PROV, 100);
        PlanNeed n = new PlanNeed(1, 1, "r", MASK, "MASK", 50, new long[] {1, 42, 4201}, WUHAN.id());
        Result r = new Planner(DEPOTS, s, Map.of(), List.of()).plan(List.of(n));
        assertThat(r.lines()).extracting(Line::fromDepotId).containsExactly(101L);
    }

    /**
     * 10,000 open needs over 1,000 depots (31 provinces × 8 cities × ~4 depots), one item, stock for
     * about half the demand. Correctness only; the lead's benchmark measures the time.
     */
    @Test
    void tenThousandNeedsOverAThousandDepots() {
        PlannerScenario scenario = PlannerScenario.national(42, 10_000, 1_000, MASK);
        List<DepotNode> depots = scenario.depots();
        Map<Long, Long> stock = scenario.stock();
        long supply = stock.values().stream().mapToLong(Long::longValue).sum();
        List<PlanNeed> needs = scenario.needs();
        long demand = needs.stream().mapToLong(PlanNeed::remaining).sum();
        Map<Long, Map<Long, Long>> s = Map.of(MASK, stock);
        Result r = new Planner(depots, s, Map.of("MASK", List.of(MASK)), List.of()).plan(needs);

        assertThat(demand).isGreaterThan(supply);
        assertThat(r.totalPlanned()).isEqualTo(supply); // everything in reach is handed out
        Map<Long, Long> taken = new HashMap<>();
        r.lines().forEach(l -> taken.merge(l.fromDepotId(), l.quantity(), Long::sum));
        taken.forEach((d, q) -> assertThat(q).as("depot %d", d).isLessThanOrEqualTo(stock.get(d)));
        Map<Long, Long> perNeed = new HashMap<>();
        r.lines().forEach(l -> perNeed.merge(l.needId(), l.quantity(), Long::sum));
        assertThat(r.outcomes()).hasSize(10_000).allSatisfy(o -> {
            assertThat(o.planned()).isEqualTo(perNeed.getOrDefault(o.needId(), 0L)).isLessThanOrEqualTo(o.requested());
            assertThat(o.shortReason() == null).isEqualTo(o.planned() == o.requested());
        });
        // priority: once a need is short, no later need gets anything from the stock the earlier one could reach
        int firstShort = r.outcomes().stream().filter(o -> o.shortReason() != null).findFirst().orElseThrow().rank();
        assertThat(r.outcomes().subList(0, firstShort - 1)).allSatisfy(o -> assertThat(o.shortReason()).isNull());
        assertThat(r.outcomes().subList(firstShort, 10_000)).allSatisfy(o -> assertThat(o.planned()).isZero());
        // sample: the first need's first line comes from its own city if that city holds stock
        PlanNeed first = needs.get(0);
        boolean cityHasStock = depots.stream().anyMatch(d -> !d.central() && d.ownerPath().length == 3
                && d.ownerPath()[2] == first.unitPath()[2] && stock.get(d.id()) > 0);
        Line firstLine = r.lines().get(0);
        DepotNode from = depots.stream().filter(d -> d.id() == firstLine.fromDepotId()).findFirst().orElseThrow();
        if (cityHasStock) {
            assertThat(from.ownerPath()).hasSize(3);
            assertThat(from.ownerPath()[2]).isEqualTo(first.unitPath()[2]);
        }
        // the central reserve is only touched once no provincial depot has stock left
        long centralTaken = taken.getOrDefault(1L, 0L);
        if (centralTaken > 0) {
            long provincialLeft = depots.stream().filter(d -> !d.central())
                    .mapToLong(d -> stock.get(d.id()) - taken.getOrDefault(d.id(), 0L)).sum();
            assertThat(provincialLeft).isZero();
        }
    }

    @Test
    void quantitiesInReasonsAreGroupedAsFormatWouldGroupThem() {
        for (long n : new long[] {0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, -1_234_567, Long.MAX_VALUE}) {
            assertThat(org.tongpao.allocation.internal.plan.Planner.grouped(new StringBuilder(), n).toString())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
        }
    }
}
