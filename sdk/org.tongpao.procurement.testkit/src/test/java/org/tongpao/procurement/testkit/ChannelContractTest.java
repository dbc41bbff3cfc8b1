package org.tongpao.procurement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;

/** Each way a channel can break the contract is reported as a ContractViolation naming the check. */
class ChannelContractTest {

    @Test
    void aWellBehavedChannelPassesEveryCheck() {
        ChannelContract.verify(new InMemoryChannel(), Samples.quoteRequest("R-1"), Samples.order("PO-1"));
    }

    @Test
    void aSecondReferenceForTheSameOrderIsAViolation() {
        AtomicLong n = new AtomicLong();
        InMemoryChannel forgetful = new InMemoryChannel() {
            @Override
            public PlacedOrder place(ChannelOrder order) {
                return new PlacedOrder("F-" + n.incrementAndGet(), null);
            }
        };
        assertThatThrownBy(() -> ChannelContract.verify(forgetful, Samples.quoteRequest("R-2"), Samples.order("PO-2")))
                .isInstanceOf(ContractViolation.class).hasMessageStartingWith("[placing is idempotent]")
                .hasMessageContaining("must be idempotent per orderRef");
    }

    @Test
    void quotingMoreThanAskedOrLinesNobodyAskedForIsAViolation() {
        InMemoryChannel generous = new InMemoryChannel() {
            @Override
            public ChannelQuote quote(QuoteRequest request) throws ChannelException {
                ChannelQuote q = super.quote(request);
                QuotedLine l = q.lines().get(0);
                return new ChannelQuote(q.quoteRef(), "CNY", List.of(new QuotedLine(l.lineRef(), l.quantity() + 1,
                        l.unitPrice(), l.deliverBy())), q.validUntil(), null, null);
            }
        };
        try (FakeProcurement tongpao = new FakeProcurement("generous", generous)) {
            assertThatThrownBy(() -> ChannelContract.quoteAnswersEveryLine(tongpao, Samples.quoteRequest("R-3")))
                    .isInstanceOf(ContractViolation.class).hasMessageContaining("more than the 200000 asked for");
        }
    }

    @Test
    void aCursorThatDoesNotMoveIsAViolation() {
        InMemoryChannel stuck = new InMemoryChannel() {
            @Override
            public ProgressPage progress(String cursor) throws ChannelException {
                return super.progress(null);
            }
        };
        try (FakeProcurement tongpao = new FakeProcurement("stuck", stuck)) {
            assertThatThrownBy(() -> ChannelContract.progressFollowsTheCursor(tongpao, Samples.order("PO-4")))
                    .isInstanceOf(ContractViolation.class).hasMessageStartingWith("[progress]")
                    .hasMessageContaining("came again");
        }
    }

    @Test
    void progressOutOfOrderOrNamingAForeignLineIsAViolation() throws Exception {
        InMemoryChannel channel = new InMemoryChannel();
        try (FakeProcurement tongpao = new FakeProcurement("jumbled", channel)) {
            String ref = tongpao.place(Samples.order("PO-5")).channelOrderRef();
            channel.record(ref, ProgressStatus.IN_PRODUCTION);
            Instant now = Instant.now();
            InMemoryChannel jumbled = new InMemoryChannel() {
                @Override
                public ProgressPage progress(String cursor) {
                    return new ProgressPage(List.of(ProgressEvent.of("A", ref, ProgressStatus.CONFIRMED, now),
                            ProgressEvent.of("B", ref, ProgressStatus.IN_PRODUCTION, now.minusSeconds(60))), "2");
                }
            };
            try (FakeProcurement other = new FakeProcurement("jumbled", jumbled)) {
                assertThatThrownBy(() -> other.progress(null)).isInstanceOf(ContractViolation.class)
                        .hasMessageContaining("oldest first");
            }
            ProgressEvent foreignLine = new ProgressEvent("C", ref, ProgressStatus.SHIPPED, now, "9", 10L, null,
                    List.of(), null);
            assertThatThrownBy(() -> tongpao.publish("jumbled", List.of(foreignLine)))
                    .isInstanceOf(ContractViolation.class).hasMessageContaining("names line 9");
        }
    }

    @Test
    void aHangIsAbandonedAfterTheLimitAndARuntimeExceptionIsTheChannelsFault() {
        CountDownLatch never = new CountDownLatch(1);
        InMemoryChannel hanging = new InMemoryChannel() {
            @Override
            public ChannelQuote quote(QuoteRequest request) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }

            @Override
            public void cancel(String ref, String reason) {
                throw new IllegalStateException("boom");
            }
        };
        try (FakeProcurement tongpao = new FakeProcurement("hanging", hanging, Duration.ofMillis(200))) {
            assertThatThrownBy(() -> tongpao.quote(Samples.quoteRequest("R-6"))).isInstanceOf(ContractViolation.class)
                    .hasMessageContaining("did not answer within 200 ms");
            assertThatThrownBy(() -> tongpao.cancel("X", "r")).isInstanceOf(ContractViolation.class)
                    .hasMessageContaining("IllegalStateException: boom");
        }
    }

    @Test
    void aRefusalReachesTheTestUnchanged() {
        try (FakeProcurement tongpao = new FakeProcurement("plain", new InMemoryChannel())) {
            assertThatThrownBy(() -> tongpao.cancel("NOPE", "r")).isInstanceOf(ChannelException.class)
                    .satisfies(e -> assertThat(((ChannelException) e).isRetryable()).isFalse());
        }
    }
}
