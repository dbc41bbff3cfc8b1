package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.donation.internal.DonationFixture.ADMIN;
import static org.tongpao.donation.internal.DonationFixture.DESK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;

/**
 * What a donation receipt costs beside the inventory receipt it contains, in the same run and database: (a) bare
 * {@code StockLedger.receive} calls (the baseline: a lot, its movement, balance, audit row and event), (b) unpledged
 * donation receipts of one accepted line (the donation, its line, the receipt, the inspection row, the numbered
 * acknowledgement, the lot through the inventory in the same transaction, audit rows and events), one thread, and
 * (c) the same from {@code bench.threads} threads at once, which serialise on the acknowledgement counter for the
 * rest of each transaction (the price of gap-free numbers). Runs only under {@code mvn -B test -Pbench -pl
 * bundles/org.tongpao.donation}; knobs {@code -Dbench.receipts} (300), {@code -Dbench.threads} (4).
 */
class DonationIntakeBench {
    private static final int RECEIPTS = Integer.getInteger("bench.receipts", 300);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);

    @Test
    void donationReceiptsBesideBareInventoryReceipts() throws Exception {
        try (DonationFixture f = new DonationFixture()) {
            long donor = f.enterprise(DESK, "Bench donor");
            long depot = f.depot("HB-WH-01");
            long masks = f.item("MASK-KN95");
            // warm-up: statements, JIT
            inventory(f, depot, masks, 50);
            donations(f, donor, depot, masks, 50, 1);

            double bare = inventory(f, depot, masks, RECEIPTS);
            double one = donations(f, donor, depot, masks, RECEIPTS, 1);
            double many = donations(f, donor, depot, masks, RECEIPTS, THREADS);
            long numbered = Transactions.read(f.ds, c -> Jdbc.count(c, "SELECT COUNT(DISTINCT ack_number) FROM "
                    + "tp_don_receipt", List.of()));
            assertThat(numbered).isEqualTo(50L + 2L * RECEIPTS);
            System.out.printf("| Derby (in memory) | %d receipts | inventory receive %,.0f/s | donation receipt, 1 "
                    + "thread %,.0f/s (%.1f× the cost) | %d threads %,.0f/s |%n", RECEIPTS, bare, one, bare / one,
                    THREADS, many);
        }
    }

    private static double inventory(DonationFixture f, long depot, long item, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            f.inventory.receive(ADMIN, NewReceipt.builder().depotId(depot).itemId(item).quantity(10L)
                    .origin(LotOrigin.DONATION).sourceDocument("BENCH/" + i).expiryDate(f.today().plusYears(2))
                    .build(), null);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double donations(DonationFixture f, long donor, long depot, long item, int n, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        NewDonationReceipt r = new NewDonationReceipt(depot, null, null, null, donor, null, List.of(
                new NewReceiptLine(null, item, Priority.URGENT, null, true, true, "C", f.today().plusYears(2), true,
                        10L, 0L, null, null, null)));
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = n / threads + (t < n % threads ? 1 : 0);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    f.donations.receiveUnpledged(DESK, r, null);
                }
                return null;
            }));
        }
        for (Future<?> fu : futures) {
            fu.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
