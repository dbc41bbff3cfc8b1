package org.tongpao.procurement.internal.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.ProgressStatus;

/** Pulled progress: from the stored cursor, the cursor stored with the events, a hanging channel cut off. */
class ProgressPollerTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    final ChannelsFixture f = new ChannelsFixture(300);

    @AfterEach
    void tearDown() {
        f.close();
    }

    static ProgressEvent event(int n) {
        return ProgressEvent.of("E" + n, "SUP-1", ProgressStatus.IN_PRODUCTION, T0.plusSeconds(n));
    }

    @Test
    void aPullStartsFromTheStoredCursorAndStoresTheNextOne() throws Exception {
        f.orders.known.add("SUP-1");
        FakeChannel centre = f.install(new FakeChannel("centre", ProgressMode.PULL));
        centre.log.add(event(1));
        centre.log.add(event(2));
        centre.log.add(event(3));
        ProgressPoller.ChannelPoll first = f.poller.poll("centre");
        // pages of 2: the first page is full-sized only if it holds 500, so one page per poll
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(first.cursor()).isEqualTo("2");
        ProgressPoller.ChannelPoll second = f.poller.poll("centre");
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(f.poller.poll("centre").received()).isZero();
        assertThat(centre.cursorsAsked).containsExactly("null", "2", "3");
        assertThat(f.orders.applied).extracting(ProgressEvent::eventId).containsExactly("E1", "E2", "E3");
        assertThat(f.service.channel("centre").polledAt()).isNotNull();
    }

    @Test
    void aPageThatComesAgainAddsNothing() throws Exception {
        f.orders.known.add("SUP-1");
        FakeChannel centre = f.install(new FakeChannel("centre", ProgressMode.PULL));
        centre.log.add(event(1));
        f.poller.poll("centre");
        f.intake.accept("centre", java.util.List.of(event(1)), ProgressStore.Source.PUSH); // also pushed
        assertThat(f.orders.applied).hasSize(1);
    }

    @Test
    void aPushOnlyChannelIsNotPulled() {
        FakeChannel pusher = f.install(new FakeChannel("pusher", ProgressMode.PUSH));
        assertThatThrownBy(() -> f.poller.poll("pusher")).isInstanceOf(ConflictException.class).hasMessageContaining("push only");
        f.poller.cycle();
        assertThat(pusher.cursorsAsked).isEmpty();
        assertThat(f.service.channel("pusher").polledAt()).isNull();
    }

    @Test
    void aHangingChannelFailsItsPullAloneAndTheCycleGoesOn() {
        f.orders.known.add("SUP-1");
        FakeChannel slow = f.install(new FakeChannel("a-slow", ProgressMode.PULL));
        FakeChannel quick = f.install(new FakeChannel("b-quick", ProgressMode.PULL));
        quick.log.add(event(1));
        try {
            f.poller.cycle(); // reads both offers before the hang
            slow.hang = true;
            quick.log.add(event(2));
            f.poller.cycle();
            assertThat(f.orders.applied).extracting(ProgressEvent::eventId).containsExactly("E1", "E2");
            assertThat(f.service.channel("a-slow").pollProblem()).isEqualTo("channel a-slow did not answer progress within 300 ms");
            assertThatThrownBy(() -> f.poller.poll("a-slow")).isInstanceOf(PartnerFailure.class);
        } finally {
            slow.release.countDown();
        }
    }
}
