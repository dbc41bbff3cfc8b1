package org.tongpao.itests.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Reads Derby's lock table in a loop while a round runs: each lock being waited for, with what the transaction
 * holding it is executing at that moment (its current statement; none while it runs Java code or commits). Counts
 * are samples, not waits: a long wait is seen many times. For finding what serialises writers, not for figures: the
 * reads cost CPU the rounds then lack, so a run with the sampler ({@code -Dbench.locks=true}) gives no figures.
 */
final class LockSampler implements AutoCloseable {
    private static final String WAITS = "SELECT w.TABLENAME, w.INDEXNAME, w.MODE, t.SQL_TEXT "
            + "FROM SYSCS_DIAG.LOCK_TABLE w JOIN SYSCS_DIAG.LOCK_TABLE h ON h.LOCKNAME = w.LOCKNAME "
            + "AND h.TABLENAME = w.TABLENAME AND h.STATE = 'GRANT' AND h.XID <> w.XID "
            + "JOIN SYSCS_DIAG.TRANSACTION_TABLE t ON t.XID = h.XID WHERE w.STATE = 'WAIT'";

    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile int samples;
    private volatile String phase = "";

    private LockSampler(DataSource ds) {
        thread = new Thread(() -> sample(ds), "bench-lock-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** A sampler reading {@code ds} until closed; none (null) when {@code enabled} is false. */
    static LockSampler startIf(boolean enabled, DataSource ds) {
        return enabled ? new LockSampler(ds) : null;
    }

    /** {@code work} that first names the phase the samples taken meanwhile belong to (a kind of round). */
    Runnable labelled(String label, Runnable work) {
        return () -> {
            phase = label;
            work.run();
        };
    }

    private void sample(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            while (running.get()) {
                try (ResultSet rs = s.executeQuery(WAITS)) {
                    while (rs.next()) {
                        String holderSql = rs.getString(4);
                        String doing = holderSql == null ? "(between statements)"
                                : holderSql.replaceAll("\\s+", " ").substring(0, Math.min(90, holderSql.length()));
                        seen.merge(phase + ": " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " ← holder: "
                                + doing, 1, Integer::sum);
                    }
                }
                samples++;
                // a sampling period: reading the lock table in a loop took over half the container's CPU at 1 ms
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading Derby's lock table failed", e);
        }
    }

    /** Stops sampling and reports the waits seen, most frequent first, under {@code label}. */
    void report(BenchReport report, String label) throws InterruptedException {
        running.set(false);
        thread.join();
        report.line(String.format("lock waits seen during %s (%,d samples of the lock table):", label, samples));
        seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> report.line(String.format("  %6d  %s", e.getValue(), e.getKey())));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
