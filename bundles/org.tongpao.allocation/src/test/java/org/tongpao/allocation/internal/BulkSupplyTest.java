package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.allocation.internal.Fixture.ADMIN;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.plan.SupplyView;

/** The planner reads stock for all depots × items in one bulk call, not one call per pair. */
class BulkSupplyTest {

    @Test
    void stockIsReadInOneBulkCallAndKeepsOnlyWhatWasAskedFor() {
        int[] bulkCalls = {0};
        SupplyView bulkOnly = new SupplyView() {
            @Override
            public long available(long depotId, long itemId) {
                throw new AssertionError("asked per pair: depot " + depotId + ", item " + itemId);
            }

            @Override
            public Map<Long, Map<Long, Long>> available(Collection<Long> depotIds, Collection<Long> itemIds) {
                bulkCalls[0]++;
                assertThat(depotIds).containsExactlyInAnyOrder(1L, 2L, 3L);
                assertThat(itemIds).containsExactly(7L, 8L);
                // 99 was not asked for; a zero is not stock
                return Map.of(7L, Map.of(1L, 40L, 3L, 0L, 99L, 5L));
            }
        };
        Map<Long, Map<Long, Long>> stock = PlanProposals.stock(bulkOnly, Set.of(1L, 2L, 3L), List.of(7L, 8L));
        assertThat(bulkCalls[0]).isEqualTo(1);
        assertThat(stock).isEqualTo(Map.of(7L, Map.of(1L, 40L), 8L, Map.of()));
        assertThat(PlanProposals.stock(bulkOnly, Set.of(), List.of(7L))).isEqualTo(Map.of(7L, Map.of()));
    }

    @Test
    void theDefaultBulkReadAgreesWithThePerPairRead() {
        Map<String, Long> grid = Map.of("1/7", 40L, "2/7", 0L, "3/8", 6L);
        SupplyView perPair = (depot, item) -> grid.getOrDefault(depot + "/" + item, 0L);
        assertThat(perPair.available(List.of(1L, 2L, 3L), List.of(7L, 8L)))
                .isEqualTo(Map.of(7L, Map.of(1L, 40L), 8L, Map.of(3L, 6L)));
        assertThat(PlanProposals.stock(perPair, Set.of(1L, 2L, 3L), List.of(7L, 8L)))
                .isEqualTo(Map.of(7L, Map.of(1L, 40L), 8L, Map.of(3L, 6L)));
    }

    @Test
    void aPlanAsksTheInventoryOnceForAllDepotsAndItems() {
        try (Fixture f = new Fixture()) {
            long mask = f.item("MASK-MEDPROT");
            f.inventory.stock(f.depot("CENTRAL-RESERVE"), mask, 500);
            f.inventory.stock(f.depot("HB-PROV-01"), mask, 300);
            f.needs.create(ADMIN, new NewNeed(f.unit("P42-WUHAN-JIANGAN-T01"), mask, null, 600L, Urgency.IMMEDIATE,
                    null, null, "epidemic", null, null), null);
            Plan p = f.allocation.propose(ADMIN, new PlanRequest(mask, null, null, null, null), null);
            assertThat(p.totalPlanned()).isEqualTo(600);
            assertThat(f.inventory.calls).filteredOn(c -> c.startsWith("bulk-available ")).hasSize(1);
            assertThat(f.inventory.calls).noneMatch(c -> c.startsWith("available "));
        }
    }
}
