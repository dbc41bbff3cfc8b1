package org.tongpao.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.Sla;

/**
 * The SLA watch with {@code bench.shipments} (default 100,000) open shipments on Derby, of which
 * {@code bench.dueEvery}-th (default every 100th: 1 %) is near a deadline: the full scan of before (read every open
 * booked shipment, evaluate its SLA) beside the indexed one (read those whose next_deadline has come, evaluate
 * them), in the same run and database, alternating, {@code bench.rounds} rounds (default 7) after 2 warm-ups each;
 * then one whole {@code scan()} (which also flags the due ones). Runs only under {@code mvn -B verify -Pbench}.
 * Output: {@code [bench]} lines and {@code target/sla-scan-bench.md}.
 */
class SlaScanBench {
    static final int SHIPMENTS = Integer.getInteger("bench.shipments", 100_000);
    static final int DUE_EVERY = Integer.getInteger("bench.dueEvery", 100);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

    @Test
    void fullScanBesideIndexedScan() throws IOException {
        try (TransportFixture f = new TransportFixture()) {
            f.install(FakeCarrier.pushing("swift"));
            Instant now = f.clock.now;
            long t0 = System.nanoTime();
            insertOpenShipments(f, now);
            double loadS = (System.nanoTime() - t0) / 1e9;
            int[] found = new int[2];
            double[] full = new double[ROUNDS];
            double[] indexed = new double[ROUNDS];
            for (int i = -2; i < ROUNDS; i++) {
                long a = System.nanoTime();
                found[0] = fullScan(f, now);
                long b = System.nanoTime();
                found[1] = indexedScan(f, now);
                long c = System.nanoTime();
                if (i >= 0) {
                    full[i] = (b - a) / 1e6;
                    indexed[i] = (c - b) / 1e6;
                }
            }
            assertThat(found[1]).isEqualTo(found[0]).isEqualTo(SHIPMENTS / DUE_EVERY);
            long s0 = System.nanoTime();
            ScanResult whole = f.transport.scan();
            double wholeMs = (System.nanoTime() - s0) / 1e6;
            assertThat(whole.newAlerts()).isEqualTo(SHIPMENTS / DUE_EVERY);
            long s1 = System.nanoTime();
            ScanResult next = f.transport.scan();
            double nextMs = (System.nanoTime() - s1) / 1e6;
            assertThat(next.shipments()).isZero();
            Arrays.sort(full);
            Arrays.sort(indexed);
            String report = String.format("| SLA scan, %,d open shipments, %,d near a deadline (%,d rows loaded in %.1f s) "
                    + "| full scan (before): min %.0f / median %.0f / max %.0f ms | indexed scan: min %.1f / median %.1f / "
                    + "max %.1f ms | whole scan() flagging the %,d: %.0f ms; the next scan (nothing due): %.1f ms |%n",
                    SHIPMENTS, SHIPMENTS / DUE_EVERY, SHIPMENTS, loadS, full[0], full[ROUNDS / 2], full[ROUNDS - 1],
                    indexed[0], indexed[ROUNDS / 2], indexed[ROUNDS - 1], SHIPMENTS / DUE_EVERY, wholeMs, nextMs);
            System.out.print("[bench] " + report);
            Files.writeString(Path.of("target", "sla-scan-bench.md"), report);
        }
    }

    /** What the watch did before: every open booked shipment read and evaluated; those with an alert counted. */
    private static int fullScan(TransportFixture f, Instant now) {
        List<ShipmentRow> open = Transactions.read(f.ds, c -> ShipmentDao.query(c, ShipmentDao.OPEN
                + " AND booked_at IS NOT NULL", List.of(), "ORDER BY id"));
        return alerting(open, now);
    }

    /** What it does now: only the shipments whose next SLA moment has come, through the index. */
    private static int indexedScan(TransportFixture f, Instant now) {
        return alerting(Transactions.read(f.ds, c -> ShipmentDao.dueForAlerts(c, now)), now);
    }

    private static int alerting(List<ShipmentRow> rows, Instant now) {
        int n = 0;
        for (ShipmentRow r : rows) {
            Sla sla = SlaClock.evaluate(r.terms().deadlines(), r.progress(), r.slaRunning(), now);
            if (sla.milestones().stream().anyMatch(m -> m.state().isAlert())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Open shipments picked up and on the road, booked 2 h ago with 1 h to accept, 4 h to pick up and 24 h to deliver;
     * every {@code DUE_EVERY}-th was booked 23 h ago, so its delivery is at risk now (its next moment has come).
     */
    private static void insertOpenShipments(TransportFixture f, Instant now) {
        List<List<?>> rows = new ArrayList<>(SHIPMENTS);
        for (int i = 1; i <= SHIPMENTS; i++) {
            Instant booked = now.minus(Duration.ofHours(i % DUE_EVERY == 0 ? 23 : 2));
            SlaClock.Deadlines d = SlaClock.deadlines(FakeCarrier.PROMISE, booked, "42", null);
            Instant next = SlaClock.nextAlert(d, new SlaClock.Progress(booked.plusSeconds(60), booked.plusSeconds(600),
                    null), true, java.util.Set.of());
            rows.add(Jdbc.args("SH-B-" + i, 1L, "CENTRAL-RESERVE", "11", 3L, "HB-WH-01", "42", false, "swift",
                    "SWIFT-B-" + i, "IN_TRANSIT", 10, new java.math.BigDecimal("250"), booked, d.accept().due(),
                    d.accept().warnFrom(), d.pickup().due(), d.pickup().warnFrom(), d.delivery().due(),
                    d.delivery().warnFrom(), booked.plusSeconds(60), booked.plusSeconds(600), booked, "bench", booked,
                    booked, next));
        }
        Transactions.inTransaction(f.ds, c -> Jdbc.batch(c, "INSERT INTO tp_tr_shipment (number, from_depot_id, "
                + "from_depot_code, from_province, to_depot_id, to_depot_code, to_province, key_area, carrier_id, waybill, "
                + "status, packages, weight_kg, booked_at, accept_due, accept_warn, pickup_due, pickup_warn, delivery_due, "
                + "delivery_warn, accepted_at, picked_up_at, dispatched_at, created_by, created_at, updated_at, version, "
                + "next_deadline) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)", rows));
    }
}
