package org.tongpao.itests;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something asynchronous (a REST server mounting resources, a node booting, a realm picking up
 * a new user) by asking again every {@code 100 ms} until it answers or the time is up. The one place in the
 * integration tests that sleeps.
 */
public final class Poll {

    private Poll() {
    }

    /** Asks until {@code probe} returns a value; fails with {@code what} when {@code timeout} passes. */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Asks until the reply has the expected status, and returns that reply. */
    public static Api.Reply status(String what, int expected, Supplier<Api.Reply> call) {
        return until(what + " to answer " + expected, Duration.ofSeconds(30), () -> {
            Api.Reply r = call.get();
            return r.status() == expected ? Optional.of(r) : Optional.empty();
        });
    }
}
