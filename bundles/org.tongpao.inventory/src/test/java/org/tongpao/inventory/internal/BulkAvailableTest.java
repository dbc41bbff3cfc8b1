package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;

/** One read for many depots × items gives what the per-pair {@code available} gives, within scope. */
class BulkAvailableTest extends WithFixture {
    @Test
    void theBulkReadAgreesWithThePerPairReadAndLeavesOutWhatCannotGive() throws Exception {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        f.receive(f.hubeiProv, f.kn95, 50, TODAY.plusDays(5));
        long quarantined = f.receive(f.hubeiProv, f.medprot, 30, TODAY.plusYears(1));
        f.inventory.changeLotStatus(ADMIN, quarantined, new LotStatusChange(LotStatus.QUARANTINED, "test"), null);
        f.receive(f.wuhan, f.kn95, 70, TODAY.plusYears(1));
        f.inventory.reserve(ADMIN, f.wuhan, f.kn95, 20, "test", null);
        f.receive(f.wuhan, f.medprot, 12, TODAY.plusYears(1));
        f.receive(f.jiangsu, f.kn95, 40, TODAY.plusYears(1));
        f.receive(f.central, f.tent, 3, null);
        // the 50 expire
        f.clock.now = f.clock.now.plus(Duration.ofDays(10));

        List<Long> depots = List.of(f.central, f.hubeiProv, f.wuhan, f.jiangsu, 999_999L);
        List<Long> items = List.of(f.kn95, f.medprot, f.tent);
        Map<Long, Map<Long, Long>> bulk = f.inventory.available(ADMIN, depots, items);
        Map<Long, Map<Long, Long>> perPair = new HashMap<>();
        for (long item : items) {
            for (long depot : depots.subList(0, 4)) {
                long q = f.inventory.available(ADMIN, depot, item);
                if (q > 0) {
                    perPair.computeIfAbsent(item, k -> new HashMap<>()).put(depot, q);
                }
            }
        }
        assertThat(bulk).isEqualTo(perPair).isEqualTo(Map.of(
                f.kn95, Map.of(f.hubeiProv, 100L, f.wuhan, 50L, f.jiangsu, 40L),
                f.medprot, Map.of(f.wuhan, 12L),
                f.tent, Map.of(f.central, 3L)));

        // a province officer reads its province's depots only
        assertThat(f.inventory.available(HUBEI, depots, items)).isEqualTo(Map.of(
                f.kn95, Map.of(f.hubeiProv, 100L, f.wuhan, 50L), f.medprot, Map.of(f.wuhan, 12L)));

        // an inactive depot (switched off before deactivation checked stock) gives nothing
        try (Connection c = f.ds.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE tp_depot SET active = FALSE WHERE id = ?")) {
            ps.setLong(1, f.jiangsu);
            ps.executeUpdate();
        }
        assertThat(f.inventory.available(ADMIN, depots, List.of(f.kn95)))
                .isEqualTo(Map.of(f.kn95, Map.of(f.hubeiProv, 100L, f.wuhan, 50L)));

        assertThat(f.inventory.available(ADMIN, List.of(), items)).isEmpty();
        assertThatThrownBy(() -> f.inventory.available(ADMIN, LongStream.rangeClosed(1, 10_001).boxed().toList(), items))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("depotIds"));
    }

    @Test
    void manyDepotsAndItemsAreReadInChunks() {
        // 1,200 depot ids (most unknown) and 600 item ids cross the 500-id chunks in both directions
        f.receive(f.wuhan, f.kn95, 7, TODAY.plusYears(1));
        List<Long> depots = LongStream.rangeClosed(1, 1_200).boxed().toList();
        List<Long> items = LongStream.rangeClosed(1, 600).boxed().toList();
        assertThat(depots).contains(f.wuhan);
        assertThat(items).contains(f.kn95);
        assertThat(f.inventory.available(ADMIN, depots, items)).isEqualTo(Map.of(f.kn95, Map.of(f.wuhan, 7L)));
    }
}
