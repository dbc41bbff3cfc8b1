package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.DESK;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.donation.DonationSummary;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;
import org.tongpao.inventory.NewIssue;

/**
 * The donations summary over {@code bench.lots} donated lots (400), a third of them partly issued to a unit: the
 * grouped read ({@code StockLedger.onward}) beside the former trace per lot, same run and database, best of
 * {@code bench.rounds} (5) each. Runs only under {@code mvn -B test -Pbench -pl bundles/org.tongpao.donation
 * -Dtest=SummaryBench}.
 */
class SummaryBench {
    private static final int LOTS = Integer.getInteger("bench.lots", 400);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

    @Test
    void groupedReadBesideATracePerLot() {
        try (DonationFixture f = new DonationFixture()) {
            long donor = f.enterprise(DESK, "Bench donor");
            long depot = f.depot("HB-WH-01");
            long masks = f.item("MASK-KN95");
            long station = f.unit("P42-WUHAN-JIANGAN-T01");
            NewDonationReceipt r = new NewDonationReceipt(depot, null, null, null, donor, null, List.of(
                    new NewReceiptLine(null, masks, Priority.URGENT, null, true, true, "C", f.today().plusYears(2),
                            true, 10L, 0L, null, null, null)));
            for (int i = 0; i < LOTS; i++) {
                long lot = f.donations.receiveUnpledged(DESK, r, null).lines().get(0).lotId();
                if (i % 3 == 0) {
                    f.inventory.issue(ADMIN, NewIssue.builder().depotId(depot).itemId(masks).quantity(4L)
                            .lotId(lot).orgUnitId(station).build(), null);
                }
            }
            Summaries grouped = new Summaries(f.donations.context());
            Summaries perLot = new Summaries(f.donations.context(), TracePerLot.over(f.inventory));
            List<DonationSummary> expected = perLot.summary(ADMIN, null, null);
            assertThat(grouped.summary(ADMIN, null, null)).isEqualTo(expected);
            double old = best(() -> perLot.summary(ADMIN, null, null));
            double now = best(() -> grouped.summary(ADMIN, null, null));
            System.out.printf("| Derby (in memory) | %d donated lots | trace per lot %.1f ms | grouped read %.1f ms "
                    + "(%.0f× faster) |%n", LOTS, old, now, old / now);
        }
    }

    private static double best(Runnable summary) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            summary.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
