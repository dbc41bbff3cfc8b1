package org.example.express.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What a test makes go wrong with Express' API: the next calls answer 503, or hang until released. */
final class Outages {
    private static final Duration MAX_HANG = Duration.ofSeconds(60);

    private final Object lock = new Object();
    private int failNext;
    private int hangNext;
    private CountDownLatch release = new CountDownLatch(1);
    private boolean stopped;

    void failNext(int calls) {
        synchronized (lock) {
            failNext = calls;
        }
    }

    void hangNext(int calls) {
        synchronized (lock) {
            hangNext = calls;
        }
    }

    /** Lets hung calls go on and hangs no more. */
    void releaseHung() {
        synchronized (lock) {
            hangNext = 0;
            release.countDown();
            release = new CountDownLatch(1);
        }
    }

    /** The simulator stopped (hung calls are let go, unanswered) or started again. */
    void stopped(boolean now) {
        synchronized (lock) {
            stopped = now;
            release.countDown();
            release = new CountDownLatch(1);
        }
    }

    /** Whether the call now arriving is one of those that answer 503. */
    boolean failsNow() {
        synchronized (lock) {
            if (failNext > 0) {
                failNext--;
                return true;
            }
            return false;
        }
    }

    /**
     * Holds the calling thread if its call is one of those that hang: until released, the simulator stops, or 60 s.
     * False if the call is to go unanswered (the simulator stopped meanwhile, or the thread was interrupted).
     */
    boolean holdIfDue() {
        CountDownLatch hang;
        synchronized (lock) {
            if (hangNext == 0) {
                return true;
            }
            hangNext--;
            hang = release;
        }
        try {
            hang.await(MAX_HANG.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        synchronized (lock) {
            return !stopped;
        }
    }
}
