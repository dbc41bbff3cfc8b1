package org.tongpao.core.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A partner is called in isolation: it fails alone, within the time limit, and others keep working. */
class PartnerCallsTest {
    /** The SPI of the partners under test: one call. */
    interface Oracle {
        String answer() throws Exception;
    }

    /** The SPI's own refusal. */
    static final class Declined extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean retryable;

        Declined(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    final PartnerCalls<Oracle> partners = new PartnerCalls<>("oracle", Pattern.compile("[a-z]+"),
            t -> t instanceof Declined d ? new PartnerCalls.Refusal(d.getMessage(), d.retryable) : null);
    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService callers = Executors.newFixedThreadPool(3);

    PartnerCallsTest() {
        partners.limits(new PartnerCalls.Limits(1, 1, 200));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        callers.shutdownNow();
        partners.close();
    }

    String hang() throws InterruptedException {
        release.await();
        return "late";
    }

    @Test
    void aHangingPartnerIsCutOffByTheTimeLimitWithoutBlockingAnother() throws Exception {
        partners.add("slow", this::hang, 7, 1);
        partners.add("quick", () -> "yes", 8, 2);
        Future<String> slow = callers.submit(() -> partners.call("slow", "answer", Oracle::answer));
        assertThat(partners.call("quick", "answer", Oracle::answer)).isEqualTo("yes");
        assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PartnerFailure.class)
                .hasMessageContaining("oracle slow did not answer answer within 200 ms");
        assertThat(partners.lastProblem("slow")).hasValueSatisfying(p -> assertThat(p).contains("did not answer"));
        assertThat(partners.lastProblem("quick")).isEmpty();
    }

    @Test
    void aFloodedPartnerRefusesMoreCallsAtOnce() throws Exception {
        partners.limits(new PartnerCalls.Limits(1, 1, 60_000)); // long enough that nothing times out meanwhile
        CountDownLatch running = new CountDownLatch(1);
        partners.add("slow", () -> {
            running.countDown();
            return hang();
        }, 7, 1);
        callers.submit(() -> partners.call("slow", "answer", Oracle::answer)); // runs
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        callers.submit(() -> partners.call("slow", "answer", Oracle::answer)); // waits in the queue of 1
        await().atMost(Duration.ofSeconds(5)).until(() -> partners.waiting("slow") == 1);
        assertThatThrownBy(() -> partners.call("slow", "answer", Oracle::answer)).isInstanceOf(PartnerFailure.class)
                .hasMessage("oracle slow is overloaded: answer refused, too many calls waiting")
                .extracting(e -> ((PartnerFailure) e).kind()).isEqualTo(PartnerFailure.Kind.UNAVAILABLE);
    }

    @Test
    void refusalsKeepThePartnersWordAnythingElseIsBroken() {
        partners.add("firm", () -> {
            throw new Declined("not today", false);
        }, 7, 1);
        partners.add("flaky", () -> {
            throw new Declined("try later", true);
        }, 7, 2);
        partners.add("boom", () -> {
            throw new IllegalStateException("bug in partner code");
        }, 7, 3);
        partners.add("mute", () -> null, 7, 4);
        assertThatThrownBy(() -> partners.call("firm", "answer", Oracle::answer)).hasMessage("oracle firm refused answer: not today")
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.REFUSED && !((PartnerFailure) e).retryable());
        assertThatThrownBy(() -> partners.call("flaky", "answer", Oracle::answer)).matches(e -> ((PartnerFailure) e).retryable());
        assertThatThrownBy(() -> partners.call("boom", "answer", Oracle::answer)).hasMessageContaining("bug in partner code")
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.BROKEN);
        assertThatThrownBy(() -> partners.call("mute", "answer", Oracle::answer)).hasMessage("oracle mute answered answer with nothing");
        assertThat(partners.broken("mute", "answer", "two answers for one question"))
                .hasMessage("oracle mute answered answer against the contract: two answers for one question");
        assertThat(partners.lastProblem("mute")).contains("oracle mute answered answer against the contract: two answers for one question");
    }

    @Test
    void aRememberedAnswerIsAskedOnceButAFailureIsAskedAgain() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        partners.add("once", () -> {
            if (asked.incrementAndGet() == 1) {
                throw new Declined("warming up", true);
            }
            return "profile-" + asked.get();
        }, 7, 1);
        assertThatThrownBy(() -> partners.remembered("once", "profile", String.class, Oracle::answer)).isInstanceOf(PartnerFailure.class);
        assertThat(partners.remembered("once", "profile", String.class, Oracle::answer)).isEqualTo("profile-2");
        assertThat(partners.remembered("once", "profile", String.class, Oracle::answer)).isEqualTo("profile-2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void partnersComeAndGoUnderValidUniqueIds() {
        Oracle first = () -> "first";
        assertThat(partners.add("Bad Id", first, 7, 1)).isFalse();
        assertThat(partners.add(null, first, 7, 1)).isFalse();
        assertThat(partners.add("one", first, 7, 2)).isTrue();
        assertThat(partners.add("one", () -> "second", 9, 3)).isFalse();
        assertThat(partners.ids()).containsExactly("one");
        assertThat(partners.owner("one")).contains(7L);
        assertThat(partners.remove("one", () -> "another")).isFalse();
        assertThat(partners.isPresent("one")).isTrue();
        assertThat(partners.remove("one", first)).isTrue();
        assertThat(partners.isPresent("one")).isFalse();
        assertThatThrownBy(() -> partners.call("one", "answer", Oracle::answer)).hasMessage("oracle one is not available")
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.UNAVAILABLE);
    }
}
