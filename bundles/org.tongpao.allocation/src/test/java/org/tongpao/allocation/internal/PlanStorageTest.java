package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanLine;
import org.tongpao.allocation.PlanNeedResult;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.core.persistence.Transactions;

/** A plan's outcomes stored as JSON chunks come back whole and in order; plans stored as rows still read. */
class PlanStorageTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void thousandsOfOutcomesSplitIntoChunksAndComeBackInRankOrder() {
        List<PlanNeedResult> outcomes = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            // long reasons with quotes, backslashes, tabs and Chinese: JSON must carry them unchanged
            outcomes.add(new PlanNeedResult(100_000 + i, i, "key area (湖北 \"Wuhan\"); urgency IMMEDIATE\t#" + i
                    + " \\ " + "x".repeat(i % 300), 10 + i, i % 3 == 0 ? 0 : 10 + i,
                    i % 3 == 0 ? "short: 0 of " + (10 + i) + "; all remain open (no stock in reach)" : null));
        }
        List<String> chunks = PlanDao.outcomeChunks(outcomes);
        assertThat(chunks).hasSizeGreaterThan(10).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(
                PlanDao.CHUNK_CHARS));

        List<PlanLine> lines = List.of(new PlanLine(1, 100_001, 1, 7, 1, 2, 11, 2, "nearest depot with stock"));
        Plan stored = plan(outcomes, lines);
        long id = Transactions.inTransaction(f.ds, c -> PlanDao.insert(c, stored));
        Plan read = Transactions.read(f.ds, c -> PlanDao.get(c, id));
        assertThat(read.needs()).isEqualTo(outcomes);
        assertThat(read.lines()).isEqualTo(lines);
    }

    @Test
    void aPlanWithoutOutcomesStoresNoChunk() {
        assertThat(PlanDao.outcomeChunks(List.of())).isEmpty();
        long id = Transactions.inTransaction(f.ds, c -> PlanDao.insert(c, plan(List.of(), List.of())));
        assertThat(Transactions.read(f.ds, c -> PlanDao.get(c, id)).needs()).isEmpty();
    }

    @Test
    void outcomesOfAPlanStoredAsRowsBeforeTheChunksAreStillRead() {
        long id = Transactions.inTransaction(f.ds, c -> {
            long planId = PlanDao.insert(c, plan(List.of(), List.of()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_alloc_plan_need (plan_id, need_id, "
                    + "rank_no, reason, requested, planned, short_reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int rank = 2; rank >= 1; rank--) {
                    ps.setLong(1, planId);
                    ps.setLong(2, 40 + rank);
                    ps.setInt(3, rank);
                    ps.setString(4, "rank " + rank);
                    ps.setLong(5, 5);
                    ps.setLong(6, 5);
                    ps.setString(7, null);
                    ps.executeUpdate();
                }
            }
            return planId;
        });
        assertThat(Transactions.read(f.ds, c -> PlanDao.get(c, id)).needs()).containsExactly(
                new PlanNeedResult(41, 1, "rank 1", 5, 5, null), new PlanNeedResult(42, 2, "rank 2", 5, 5, null));
    }

    private static Plan plan(List<PlanNeedResult> outcomes, List<PlanLine> lines) {
        return new Plan(0, PlanStatus.DRAFT, "national", null, 7L, null, List.of(), "default", "storage test", "admin",
                null, Instant.parse("2026-11-28T00:00:00Z"), null, null, null,
                outcomes.stream().mapToLong(PlanNeedResult::requested).sum(),
                outcomes.stream().mapToLong(PlanNeedResult::planned).sum(), outcomes, lines);
    }
}
