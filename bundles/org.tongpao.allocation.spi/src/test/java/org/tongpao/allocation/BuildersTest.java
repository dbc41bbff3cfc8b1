package org.tongpao.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every builder carries every component: a full value survives toBuilder().build(). */
class BuildersTest {
    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void batch() {
        BatchLine line = new BatchLine(1, 2, 3L, 4, 5, 6, 7, "RESERVED", 8L, 9L, 10, 11, "why");
        Batch batch = new Batch(1, "2026-001", "Batch 1 to Hubei", 1, "PLAN", BatchStatus.APPROVED, 2L, 3L, "42", "32",
                "admin", T, "officer", T.plusSeconds(1), "none", T.minusSeconds(1), List.of(line));
        assertThat(batch.toBuilder().build()).isEqualTo(batch);
        assertThat(batch.toBuilder().status(BatchStatus.DISPATCHED).build().status()).isEqualTo(BatchStatus.DISPATCHED);
    }

    @Test
    void plan() {
        Plan plan = new Plan(1, PlanStatus.DRAFT, "province:42", "42", 7L, "MASK", List.of(3L), "default", "note",
                "planner", "42", T, "approver", T.plusSeconds(5), 9L, 100, 80,
                List.of(new PlanNeedResult(4, 1, "r", 100, 80, "short")),
                List.of(new PlanLine(1, 4, 1, 7, 3, 5, 80, 2, "r")));
        assertThat(plan.toBuilder().build()).isEqualTo(plan);
        assertThat(Plan.builder().build().sourceDepotIds()).isNull();
    }

    @Test
    void need() {
        Need need = new Need(1, 2, "P42", "42", 3L, "MASK", 100, 40, 10, Urgency.H72, true, true, "Hubei",
                LocalDate.of(2026, 12, 24), "why", 3, 5L, NeedState.PARTLY_ALLOCATED, "officer", T, T.plusSeconds(1), 4);
        assertThat(need.toBuilder().build()).isEqualTo(need);
        assertThat(need.toBuilder().allocated(100).build().remaining()).isZero();
    }
}
