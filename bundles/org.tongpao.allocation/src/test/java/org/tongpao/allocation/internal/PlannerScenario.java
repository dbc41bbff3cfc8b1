package org.tongpao.allocation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tongpao.allocation.internal.plan.Planner.DepotNode;
import org.tongpao.allocation.internal.plan.Planner.PlanNeed;

/**
 * A national shortage of one item: the central reserve and depots spread over 31 provinces × 8 cities,
 * needs from stations in those cities asking for more than there is. Shared by the planner's test and its
 * benchmark so both look at the same problem.
 */
record PlannerScenario(List<DepotNode> depots, Map<Long, Long> stock, List<PlanNeed> needs) {

    static PlannerScenario national(long seed, int needCount, int depotCount, long item) {
        Random rnd = new Random(seed);
        List<DepotNode> depots = new ArrayList<>();
        Map<Long, Long> stock = new HashMap<>();
        depots.add(new DepotNode(1, new long[] {1}, true));
        stock.put(1L, 100_000L);
        long nextDepot = 2;
        List<long[]> cityPaths = new ArrayList<>();
        for (int p = 1; p <= 31; p++) {
            long prov = 100 + p;
            for (int c = 1; c <= 8; c++) {
                cityPaths.add(new long[] {1, prov, prov * 100 + c});
            }
        }
        while (depots.size() < depotCount) {
            long[] city = cityPaths.get(rnd.nextInt(cityPaths.size()));
            long[] owner = rnd.nextInt(4) == 0 ? new long[] {city[0], city[1]} : city;
            depots.add(new DepotNode(nextDepot, owner, false));
            stock.put(nextDepot, (long) rnd.nextInt(2000));
            nextDepot++;
        }
        List<PlanNeed> needs = new ArrayList<>();
        for (int i = 1; i <= needCount; i++) {
            long[] city = cityPaths.get(rnd.nextInt(cityPaths.size()));
            long[] unit = {city[0], city[1], city[2], city[2] * 1000 + rnd.nextInt(20)};
            needs.add(new PlanNeed(i, i, "r", item, "MASK", 50 + rnd.nextInt(400), unit, 1_000_000 + i));
        }
        return new PlannerScenario(depots, stock, needs);
    }
}
