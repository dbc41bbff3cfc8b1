package org.tongpao.itests.bench;

import java.util.ArrayList;
import java.util.List;
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

    record Result(double perSecond, long ok, long failed) {
        @Override
        public String toString() {
            return String.format("%,.0f/s (%,d ok, %,d failed)", perSecond, ok, failed);
        }
    }
}
