package org.tongpao.itests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tongpao.itests.NodeStock;
import org.tongpao.itests.Poll;

/**
 * Lag from a province's write to central's replica under steady load: receipts at a fixed rate on the province,
 * each with its own quantity ({@code 300,000 + n}), timed when the province acknowledges them (after its commit);
 * a watcher reads central's lots of that depot and item every {@value #WATCH_MILLIS} ms and times when each
 * quantity first shows. Lag = first seen at central − acknowledged at the province, so it includes up to one
 * watch period (plus a REST read) of polling.
 */
final class LagProbe {
    static final int WATCH_MILLIS = 100;

    private LagProbe() {
    }

    /** Lags in milliseconds, sorted, of {@code rate × seconds} receipts. */
    static List<Double> measure(NodeStock province, NodeStock central, String depotCode, String itemCode,
            double rate, int seconds) throws Exception {
        long depot = province.depotId(depotCode);
        long item = province.itemId(itemCode);
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        Map<Long, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                List<Long> lots = central.lotQuantities(depotCode, itemCode);
                long now = System.nanoTime(); // after the read: a lag is never understated
                for (long q : lots) {
                    seen.putIfAbsent(q, now);
                }
                pause(WATCH_MILLIS);
            }
        }, "lag-watcher");
        watcher.start();
        int total = (int) Math.round(rate * seconds);
        long t0 = System.nanoTime();
        for (int n = 1; n <= total; n++) {
            long due = t0 + (long) (n / rate * 1e9);
            pause(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            long quantity = 300_000 + n;
            if (province.receive(depot, item, quantity, "LAG-" + n).status() == 201) {
                acknowledged.put(quantity, System.nanoTime());
            }
        }
        Poll.until("every timed receipt at central", Duration.ofMinutes(5), () -> seen.keySet()
                .containsAll(acknowledged.keySet()) ? Optional.of(true) : Optional.empty());
        watching.set(false);
        watcher.join(TimeUnit.SECONDS.toMillis(30));
        List<Double> lags = new ArrayList<>();
        acknowledged.forEach((q, at) -> lags.add((seen.get(q) - at) / 1e6));
        Collections.sort(lags);
        return lags;
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
