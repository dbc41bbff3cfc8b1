package org.tongpao.core.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/**
 * A write that races a transaction the test holds open, run on a thread of its own: the test learns whether the
 * write went through at once or waits for a row lock the open transaction holds. What a "happens before or after,
 * never in between" test needs, without sleeping. Waiting is seen in the driver's stack: Derby's lock manager, or
 * PostgreSQL's driver waiting for the server's answer (which is what a lock wait looks like from the client).
 * Consumers put Awaitility on their test classpath.
 */
public final class LockRace {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;

    private LockRace(String name, Runnable write) {
        thread = new Thread(() -> {
            try {
                write.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code write} on a new thread. */
    public static LockRace start(String name, Runnable write) {
        LockRace race = new LockRace(name, write);
        race.thread.start();
        return race;
    }

    /** Waits until the write has ended or waits for a lock; true when it has ended (either way). */
    public boolean endedOrWaiting(Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(5)).until(() -> done.isDone() || waitsForLock());
        return done.isDone();
    }

    /** Waits for the write to end and rethrows what it threw. */
    public void join(Duration atMost) {
        try {
            done.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("the racing write " + thread.getName() + " did not end in " + atMost, e);
        }
    }

    private boolean waitsForLock() {
        Thread.State state = thread.getState();
        for (StackTraceElement frame : thread.getStackTrace()) {
            String at = frame.getClassName();
            if (at.startsWith("org.apache.derby.impl.services.locks.") && state != Thread.State.RUNNABLE
                    || at.startsWith("org.postgresql.core.PGStream") && frame.getMethodName().startsWith("receive")) {
                return true;
            }
        }
        return false;
    }
}
