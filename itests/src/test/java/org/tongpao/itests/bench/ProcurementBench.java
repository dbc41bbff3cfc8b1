package org.tongpao.itests.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.FundingSource;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.Qualification;
import org.tongpao.procurement.ReceiptLineRequest;
import org.tongpao.procurement.ReceiptRequest;

/**
 * Receipt-to-lots throughput: a receipt against a placed order (inspection, the order's row lock, the inventory's
 * receipt joined to the same transaction, the spend on the budget line, the order's status, audit and events)
 * beside the inventory's own receipt of the same lot (one transaction: lot, movement, balance, audit) and beside the
 * floor ({@link ReceiptFloor}: the rows a receipt against an order writes, by hand-written JDBC in one transaction),
 * in alternating rounds on the same Derby: {@code mvn -B verify -Pbench -pl itests -am -Dit.test=ProcurementBench}.
 * Target: the receipt against an order at least 70 % of the inventory's own rate. Each thread receives against
 * its own order on its own budget line, as depots receive their own deliveries. {@code -Dbench.locks=true} samples
 * Derby's lock table meanwhile and reports the waits (see {@link LockSampler}; such a run gives no figures).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProcurementBench extends CentralBench {
    private static final int ROWS = Integer.getInteger("bench.rows", 3_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int WARM_UP = 2_000;
    private static final AtomicInteger LINES = new AtomicInteger();

    @Inject
    ProcurementService procurement;

    @Inject
    FundingService funding;

    @Override
    protected String[] knobs() {
        return new String[] {"bench.rows", "bench.clients", "bench.procurementOut", "bench.locks"};
    }

    @Test
    public void measure() throws Exception {
        Caller system = Caller.system("bench");
        long depot = depots.getByCode(system, "HB-PROV-01").id();
        long item = catalogue.getByCode(system, "MASK-MEDPROT").id();
        LocalDate expiry = LocalDate.now().plusYears(3);
        long supplier = procurement.createSupplier(system, new NewSupplier("BENCH-MM", "Bench mask works", "CN", null,
                null, List.of(new Qualification(item, null, "GB 19083-2010", 1_000_000L, 1, null, null))), null).id();
        report.line("| what | figure | baseline | ratio | target |");
        report.line("| --- | --- | --- | --- | --- |");
        Runnable inventoryReceipt = () -> ledger.receive(system, new NewReceipt(depot, item, 1L,
                LotOrigin.PURCHASE_ORDER, "BENCH-INV", expiry, null), null);
        ReceiptFloor floor = new ReceiptFloor(dataSource);
        for (int threads : new int[] {1, CLIENTS}) {
            // the orders are placed before the clock runs: each round's pool has new threads, and a thread-local
            // order made on first use put an order's creation, approval and placing into every timed round
            List<PurchaseOrder> placed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                placed.add(placedOrder(system, supplier, depot, item));
            }
            AtomicInteger next = new AtomicInteger();
            int pool = threads;
            ThreadLocal<PurchaseOrder> orders = ThreadLocal.withInitial(
                    () -> placed.get(next.getAndIncrement() % pool));
            Runnable orderReceipt = () -> {
                PurchaseOrder o = orders.get();
                procurement.receive(system, o.id(), new ReceiptRequest(null, null, null, null, List.of(
                        new ReceiptLineRequest(o.lines().get(0).id(), 1L, 0L, null, null, "CERT-BENCH", "B-BENCH",
                                expiry))), null);
            };
            List<ReceiptFloor.Target> floors = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                floors.add(floor.target(placedOrder(system, supplier, depot, item).id()));
            }
            AtomicInteger nextFloor = new AtomicInteger();
            ThreadLocal<ReceiptFloor.Target> floorOrders = ThreadLocal.withInitial(
                    () -> floors.get(nextFloor.getAndIncrement() % pool));
            Runnable floorReceipt = () -> floor.receive(floorOrders.get());
            LockSampler locks = LockSampler.startIf(Boolean.getBoolean("bench.locks"), dataSource);
            double[] rates = locks == null
                    ? Load.interleaved(threads, ROWS, WARM_UP, inventoryReceipt, orderReceipt, floorReceipt)
                    : Load.interleaved(threads, ROWS, WARM_UP, locks.labelled("inventory", inventoryReceipt),
                            locks.labelled("order", orderReceipt), locks.labelled("floor", floorReceipt));
            if (locks != null) {
                locks.report(report, threads + " thread(s)");
            }
            double ratio = rates[1] / rates[0];
            String s = threads == 1 ? "" : "s";
            report.line(String.format("| receipts against an order → lots/s (%d thread%s) | %,.0f | %,.0f inventory "
                    + "receipts/s (same threads, alternating rounds) | %.0f %% | ≥ 70 %% %s |", threads, s, rates[1],
                    rates[0], ratio * 100, ratio >= 0.7 ? "met" : "NOT met"));
            report.line(String.format("| the floor: the same rows by hand-written JDBC, one transaction (%d thread%s) "
                    + "| %,.0f | %,.0f inventory receipts/s | %.0f %%; receipts against an order at %.0f %% of it | "
                    + "— |", threads, s, rates[2], rates[0], 100 * rates[2] / rates[0], 100 * rates[1] / rates[2]));
        }
        report.write("bench.procurementOut", "target/procurement-bench.md");
    }

    /**
     * An emergency order of a million masks on a budget line of its own, approved and placed: receipts of one each
     * go against it. (Receipts on orders of one line wait for each other: each spend holds the line's row lock.)
     */
    private PurchaseOrder placedOrder(Caller system, long supplier, long depot, long item) {
        long line = funding.createLine(system, new NewBudgetLine("BENCH-" + LINES.incrementAndGet(), "bench",
                FundingSource.SPECIAL_EPIDEMIC_FUND, "MINISTRY", null, new BigDecimal("100000000"), "CNY"), null).id();
        PurchaseOrder o = procurement.createOrder(system, new NewOrder(supplier, depot, line, "CNY", null, true, null,
                null, null, List.of(new NewOrderLine(item, 1_000_000L, new BigDecimal("2.50"), null,
                        LocalDate.now().plusDays(7)))), null);
        procurement.submit(system, o.id(), null);
        procurement.approve(system, o.id(), "benchmark: receipts against a placed order", null);
        return procurement.place(system, o.id(), null);
    }
}
