package org.tongpao.itests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/** A closed-loop load: N threads call {@code call} back to back for a while; counts successes per second. */
final class Load {

    private Load() {
    }

    /** Runs {@code call} (returning an HTTP-like status) on {@code threads} threads for {@code seconds}. */
    static Result run(int threads, double seconds, IntSupplier call, int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (!stop.get()) {
                    if (call.getAsInt() == expectedStatus) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new long[] {ok, failed};
            }));
        }
        TimeUnit.MILLISECONDS.sleep((long) (seconds * 1000));
        stop.set(true);
        long ok = 0;
        long failed = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            ok += r[0];
            failed += r[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(ok / elapsed, ok, failed);
    }

    /**
     * The rates (per second) of each of {@code works}, each run {@code n} times on {@code threads} threads in five
     * alternating rounds after a warm-up of {@code warmUp} calls each, so all see the same disk and JIT.
     */
    static double[] interleaved(int threads, int n, int warmUp, Runnable... works) throws Exception {
        int rounds = 5;
        int perThread = Math.max(1, n / rounds / threads);
        // warm-up: a few thousand calls, so the JIT has compiled the whole path before anything is timed
        for (Runnable w : works) {
            timed(threads, Math.max(1, warmUp / threads), w);
        }
        long[] nanos = new long[works.length];
        for (int r = 0; r < rounds; r++) {
            for (int w = 0; w < works.length; w++) {
                nanos[w] += timed(threads, perThread, works[w]);
            }
        }
        double ops = (double) rounds * threads * perThread;
        double[] rates = new double[works.length];
        for (int w = 0; w < works.length; w++) {
            rates[w] = ops / (nanos[w] / 1e9);
        }
        return rates;
    }

    /** Nanoseconds {@code threads} threads take to run {@code work} {@code perThread} times each. */
    static long timed(int threads, int perThread, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        work.run();
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            return System.nanoTime() - t0;
        } finally {
            pool.shutdown();
        }
    }

    record Result(double perSecond, long ok, long failed) {
        @Override
        public String toString() {
            return String.format("%,.0f/s (%,d ok, %,d failed)", perSecond, ok, failed);
        }
    }
}
