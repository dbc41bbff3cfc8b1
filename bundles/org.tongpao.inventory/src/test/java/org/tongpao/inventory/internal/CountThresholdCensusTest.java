package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.JIANGSU;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.AdjustmentReason;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.Threshold;

class CountThresholdCensusTest extends WithFixture {
    @Test
    void aCountTurnsDifferencesIntoCountAdjustmentsInOneTransaction() {
        long early = f.receive(f.wuhan, f.kn95, 100, TODAY.plusMonths(6));
        long late = f.receive(f.wuhan, f.kn95, 100, TODAY.plusMonths(20));
        long tents = f.receive(f.wuhan, f.tent, 10, null);
        CountResult r = f.inventory.count(Fixture.KEEPER, new NewCount(f.wuhan, List.of(
                new NewCount.Line(f.kn95, null, 150L),     // 50 short across lots: FEFO
                new NewCount.Line(f.tent, tents, 12L)),    // 2 found on the named lot
                "quarterly count"), "count-1");
        assertThat(r.lines()).extracting(CountResult.Line::expected, CountResult.Line::counted, CountResult.Line::difference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(200L, 150L, -50L),
                        org.assertj.core.groups.Tuple.tuple(10L, 12L, 2L));
        assertThat(r.adjustments()).extracting(Movement::lotId, Movement::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(early, -50L), org.assertj.core.groups.Tuple.tuple(tents, 2L));
        assertThat(r.adjustments()).allSatisfy(m -> assertThat(m.reason()).isEqualTo(AdjustmentReason.COUNT.name()));
        assertThat(f.onHand(early)).isEqualTo(50);
        assertThat(f.onHand(late)).isEqualTo(100);
        assertThat(f.onHand(tents)).isEqualTo(12);
        // a repeat counts once
        assertThat(f.inventory.count(Fixture.KEEPER, new NewCount(f.wuhan, List.of(
                new NewCount.Line(f.kn95, null, 150L), new NewCount.Line(f.tent, tents, 12L)), "quarterly count"), "count-1").id())
                .isEqualTo(r.id());
        // a count line that fails (lot of another depot) leaves nothing behind
        long movements = f.count("tp_inv_movement");
        long other = f.receive(f.hubeiProv, f.kn95, 5, TODAY.plusMonths(6));
        assertThatThrownBy(() -> f.inventory.count(ADMIN, new NewCount(f.wuhan, List.of(
                new NewCount.Line(f.kn95, null, 0L), new NewCount.Line(f.kn95, other, 1L)), null), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines[1].lotId"));
        assertThat(f.count("tp_inv_movement")).isEqualTo(movements + 1);
        assertThat(f.onHand(early)).isEqualTo(50);
        f.assertLedgerMatchesBalances();
    }

    @Test
    void fallingToTheReorderLevelPostsLowStock() {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        f.inventory.setThreshold(HUBEI, new Threshold(f.hubeiProv, f.kn95, 20L, 50L), null);
        assertThat(f.inventory.thresholds(HUBEI, f.hubeiProv, null)).containsExactly(new Threshold(f.hubeiProv, f.kn95, 20L, 50L));
        assertThat(f.inventory.thresholds(JIANGSU, null, null)).isEmpty();
        assertThatThrownBy(() -> f.inventory.setThreshold(ADMIN, new Threshold(f.hubeiProv, f.kn95, 20L, 10L), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reorderLevel"));

        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(40L)
                .orgUnitId(f.station).build(), null);
        assertThat(f.events(InventoryTopics.LOW_STOCK)).isEmpty();
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(10L)
                .orgUnitId(f.station).build(), null);
        List<Event> low = f.events(InventoryTopics.LOW_STOCK);
        assertThat(low).singleElement().satisfies(e -> {
            assertThat(e.getProperty("depotId")).isEqualTo(f.hubeiProv);
            assertThat(e.getProperty("itemId")).isEqualTo(f.kn95);
            assertThat(e.getProperty("available")).isEqualTo(50L);
            assertThat(e.getProperty("minimum")).isEqualTo(20L);
            assertThat(e.getProperty("reorderLevel")).isEqualTo(50L);
            assertThat(e.getProperty("level")).isEqualTo("REORDER");
        });
        f.inventory.reserve(ADMIN, f.hubeiProv, f.kn95, 35, "batch:2", null);
        assertThat(f.events(InventoryTopics.LOW_STOCK)).hasSize(2).last()
                .satisfies(e -> assertThat(e.getProperty("level")).isEqualTo("MINIMUM"));
        // a refused movement posts nothing
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95)
                .quantity(16L).orgUnitId(f.station).build(), null))
                .isInstanceOf(ConflictException.class);
        assertThat(f.events(InventoryTopics.LOW_STOCK)).hasSize(2);
    }

    @Test
    void theCensusShowsWhoReportedWhoIsLateAndTotals() {
        f.receive(f.hubeiProv, f.kn95, 100, TODAY.plusYears(1));
        f.receive(f.wuhan, f.medprot, 40, TODAY.plusYears(1));
        f.receive(f.wuhan, f.tent, 7, null);
        f.receive(f.jiangsu, f.kn95, 30, TODAY.plusYears(1));
        Instant deadline = f.clock.now.plus(Duration.ofDays(3));
        assertThatThrownBy(() -> f.inventory.open(HUBEI, new NewCensus("Reserves", List.of("MASK"), deadline), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.inventory.open(ADMIN, new NewCensus("Reserves", List.of("NOPE"), deadline), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("categories"));
        Census c = f.inventory.open(ADMIN, new NewCensus("Protective gear reserves", List.of("MASK", "FIELD"), deadline), "census-1");
        assertThat(c.provinces()).hasSize(31).allSatisfy(p -> assertThat(p.status()).isEqualTo("PENDING"));

        f.inventory.submit(HUBEI, c.id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("MASK", 1000L, "held by hospitals"))), null);
        // a resubmission before the deadline replaces the first, as version 2
        f.receive(f.hubeiProv, f.kn95, 5, TODAY.plusYears(1));
        f.inventory.submit(HUBEI, c.id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("MASK", 900L, null))), null);
        assertThatThrownBy(() -> f.inventory.submit(HUBEI, c.id(), "32", new CensusSubmission(null), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.inventory.submit(HUBEI, c.id(), null, new CensusSubmission(List.of(
                new CensusSubmission.Declared("GLOVES", 1L, null))), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("declared[0].categoryCode"));

        f.clock.now = deadline.plus(Duration.ofHours(1));
        Census view = f.inventory.get(ADMIN, c.id());
        assertThat(view.provinces()).filteredOn(p -> p.provinceCode().equals("42")).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("REPORTED");
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.submittedBy()).isEqualTo("hubei");
        });
        assertThat(view.provinces()).filteredOn(p -> p.status().equals("LATE")).hasSize(30);
        assertThat(view.totals()).containsExactly(new Census.Total("42", "FIELD", 7, 0),
                new Census.Total("42", "MASK", 145, 900));
        // after the deadline a first submission is accepted (late), a resubmission is not
        f.inventory.submit(ADMIN, c.id(), "32", null, null);
        assertThatThrownBy(() -> f.inventory.submit(HUBEI, c.id(), null, null, null)).isInstanceOf(ConflictException.class);
        view = f.inventory.get(JIANGSU, c.id());
        assertThat(view.provinces()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo("REPORTED_LATE"));
        assertThat(view.totals()).containsExactly(new Census.Total("32", "MASK", 30, 0));
        assertThat(f.count("tp_inv_census_submission")).isEqualTo(3);
        assertThat(f.events(InventoryTopics.CENSUS_SUBMITTED)).hasSize(3);
    }
}
