package org.tongpao.procurement.internal;

import static org.tongpao.procurement.internal.ProcurementFixture.ADMIN;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.KEEPER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.funding.Money;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;

/**
 * Where a receipt against an order spends its time, on one thread and an in-memory Derby (no Karaf): the inventory's
 * own receipt (the baseline), the funding spend a receipt books, and the whole receipt, in alternating rounds. Run on
 * demand: {@code mvn -B test -Pbench -pl bundles/org.tongpao.procurement -Dtest=ReceiptCostBench}.
 */
class ReceiptCostBench {
    private static final int ROUNDS = 5;
    private static final int EACH = Integer.getInteger("bench.rows", 400);

    @Test
    void measure() {
        try (ProcurementFixture f = new ProcurementFixture()) {
            JdbcProcurementService p = f.procurement;
            long supplier = f.maskMaker(BUYER, "MM-01", null);
            long line = f.budgetLine("MINISTRY", "100000000");
            PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 10_000_000, true), null);
            p.submit(BUYER, o.id(), null);
            p.approve(BUYER, o.id(), "benchmark: receipts against a placed order", null);
            PurchaseOrder placed = p.place(BUYER, o.id(), null);
            long depot = f.depot("HB-WH-01");
            long item = f.item("MASK-MEDPROT");
            LocalDate expiry = LocalDate.parse("2029-01-31");
            Caller platform = Caller.system("bench");
            int[] n = {0};
            Runnable inventory = () -> f.inventory.receive(ADMIN, new NewReceipt(depot, item, 1L,
                    LotOrigin.PURCHASE_ORDER, "BENCH", expiry, null), null);
            Runnable spend = () -> f.realFunding.spend(platform, placed.commitmentReference(),
                    Money.of(new BigDecimal("2.50"), "CNY"), null, "bench:" + n[0]++, false);
            Runnable receipt = () -> p.receive(KEEPER, placed.id(), new ReceiptRequest(null, null, null, null, List.of(
                    new ReceiptLineRequest(placed.lines().get(0).id(), 1L, 0L, null, null, "CERT", "B1", expiry))), null);
            Runnable[] work = {inventory, spend, receipt};
            String[] names = {"inventory receipt", "funding spend", "receipt against an order"};
            long[] nanos = new long[work.length];
            for (int w = 0; w < work.length; w++) {
                time(work[w], EACH); // warm-up
            }
            for (int r = 0; r < ROUNDS; r++) {
                for (int w = 0; w < work.length; w++) {
                    nanos[w] += time(work[w], EACH);
                }
            }
            for (int w = 0; w < work.length; w++) {
                double perOp = nanos[w] / 1e6 / (ROUNDS * EACH);
                System.out.printf("[bench] %-26s %6.3f ms each, %6.0f/s, %4.0f %% of the inventory receipt's rate%n",
                        names[w], perOp, 1000 / perOp, 100.0 * nanos[0] / nanos[w]);
            }
        }
    }

    private static long time(Runnable work, int times) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return System.nanoTime() - start;
    }
}
