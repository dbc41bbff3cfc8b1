package org.tongpao.federation.inventory.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Message;

/**
 * What central's inbox spends applying {@code stock.posting} (issue 11, inflow and catch-up): receipts of one new lot
 * each from Hubei and Jiangsu (three depots) through the real {@link StockPostingHandler} and inventory, inside
 * {@code Transactions.enclosing} as the inbox applies the messages that arrived together, in groups of 1, 20 and 100,
 * each on a fresh in-memory Derby; the baseline in the same run: bare one-row inserts, grouped alike. The figure is
 * the applying thread's CPU time per message (the load of a shared machine changes the wall time, not that), and the
 * ceiling it sets on 2 cores. The inbox's own row per message (id check, insert) is the kernel's bench's, not here.
 * Runs only under {@code mvn -B verify -Pbench}; knob {@code -Dbench.postings} (3,000).
 */
class StockPostingBench {
    private static final int N = Integer.getInteger("bench.postings", 3_000);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final List<String> DEPOTS = List.of("HB-PROV-01", "HB-WH-01", "JS-PROV-01");

    private record Figure(double cpuMillis, double perSecond) {
    }

    @Test
    void cpuPerMessageByGroupBesideBareInserts() {
        StringBuilder out = new StringBuilder();
        for (int group : new int[] {1, 20, 100}) {
            Figure warm = postings(group); // the first pass warms the JIT
            Figure f = postings(group);
            Figure bare = bare(group);
            out.append(String.format("[bench] | stock.posting, groups of %d | %.3f ms CPU/msg (%,.0f msg/s wall; warm-up"
                    + " %.3f) | bare one-row insert %.3f ms CPU/row (%,.0f rows/s) | handler = %.1f× bare |%n", group,
                    f.cpuMillis(), f.perSecond(), warm.cpuMillis(), bare.cpuMillis(), bare.perSecond(),
                    f.cpuMillis() / bare.cpuMillis()));
        }
        System.out.print(out);
    }

    private static Figure postings(int group) {
        try (StockNode central = new StockNode("central")) {
            central.inventory.bindLedgerOwners(p -> Set.of("42", "32").contains(p) ? Optional.of("province:" + p)
                    : Optional.empty());
            StockPostingHandler handler = new StockPostingHandler(central.inventory);
            List<Message> messages = new ArrayList<>(N);
            for (int n = 1; n <= N; n++) {
                messages.add(receipt(n, DEPOTS.get(n % DEPOTS.size())));
            }
            Figure f = timed(group, (from, to) -> Transactions.enclosing(central.ds, "bench group", c -> {
                for (Message m : messages.subList(from, to)) {
                    handler.apply(m, sender(m.from()));
                }
                return null;
            }));
            assertThat(central.number("SELECT COUNT(*) FROM tp_inv_replica_posting")).isEqualTo(N);
            return f;
        }
    }

    private static Figure bare(int group) {
        try (StockNode central = new StockNode("central")) {
            Transactions.write(central.ds, "bench", c -> Jdbc.update(c, "CREATE TABLE t_bare (id INT PRIMARY KEY, "
                    + "body VARCHAR(600))", List.of()));
            String body = "x".repeat(600);
            return timed(group, (from, to) -> Transactions.enclosing(central.ds, "bare group", c -> {
                for (int id = from; id < to; id++) {
                    Jdbc.update(c, "INSERT INTO t_bare (id, body) VALUES (?, ?)", List.of(id, body));
                }
                return null;
            }));
        }
    }

    @FunctionalInterface
    private interface Slice {
        void apply(int from, int to);
    }

    private static Figure timed(int group, Slice slice) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int from = 0; from < N; from += group) {
            slice.apply(from, Math.min(N, from + group));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Figure((CPU.getCurrentThreadCpuTime() - cpu0) / 1e6 / N, N / seconds);
    }

    /** A receipt of one new lot as a province's forwarder sends it (stock.posting 1.1; numbers as JSON gives them). */
    private static Message receipt(long n, String depot) {
        String from = depot.startsWith("JS") ? "province:32" : "province:42";
        Map<String, Object> body = Map.of("postingId", n, "part", 1L, "parts", 1L, "operation", "receipt",
                "depotCode", depot, "actor", "bench", "lots", List.of(Map.of("lotId", n, "itemCode", "GLOVES-EXAM",
                        "origin", "PURCHASE_ORDER", "sourceDocument", "BENCH-" + n, "receivedOn",
                        LocalDate.now().toString(), "status", "AVAILABLE", "receivedQuantity", 1L)),
                "movements", List.of(Map.of("lotId", n, "type", "RECEIPT", "quantity", 1L)));
        return new Message(from + "/bench-" + n, StockPostingContract.TYPE, StockPostingContract.VERSION, from,
                "central", Instant.now().plusMillis(n), body);
    }

    private static Caller sender(String node) {
        String code = node.substring(node.indexOf(':') + 1);
        return Caller.of("node:" + node, Set.of("province-officer", "province-" + code), "bench");
    }
}
