package org.tongpao.procurement.internal.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;

/** The gateway the orders code calls: channels come and go, answers are checked in context, a hang is cut off. */
class ChannelGatewayTest {
    static final LocalDate D = LocalDate.now().plusDays(7);
    final ChannelsFixture f = new ChannelsFixture(300);
    final QuoteRequest request = new QuoteRequest("RFQ-1", List.of(new RequestLine("L1", "MASK-N95", "PPE", 1000, null)), "42",
            null, false);

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void channelsComeAndGoAndOnesSeenBeforeStayListedUnavailable() {
        FakeChannel centre = f.install(new FakeChannel("centre", ProgressMode.PULL));
        assertThat(f.service.channels()).singleElement().satisfies(v -> {
            assertThat(v.available()).isTrue();
            assertThat(v.name()).isEqualTo("Fake centre");
            assertThat(v.offer().lineFor("GOWN-1", "PPE")).isPresent();
        });
        f.poller.cycle(); // records the channel as seen
        assertThat(f.registry.remove("centre", new FakeChannel("centre"))).isFalse(); // another service: ignored
        assertThat(f.registry.remove("centre", centre)).isTrue();
        assertThat(f.service.channels()).singleElement().satisfies(v -> {
            assertThat(v.available()).isFalse();
            assertThat(v.name()).isEqualTo("Fake centre");
            assertThat(v.problem()).isEqualTo("channel centre is not installed");
        });
        assertThatThrownBy(() -> f.service.quote("centre", request)).isInstanceOf(PartnerFailure.class)
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.UNAVAILABLE);
        FakeChannel again = f.install(new FakeChannel("centre", ProgressMode.PUSH));
        assertThat(f.service.channel("centre").offer().progress()).containsExactly(ProgressMode.PUSH);
        assertThat(again.offersRead).hasValue(1);
        f.service.channel("centre");
        assertThat(again.offersRead).hasValue(1); // the offer is kept while the service stays
        assertThatThrownBy(() -> f.service.channel("nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badIdsAndSecondRegistrationsAreIgnored() {
        assertThat(f.registry.add("Centre 1", new FakeChannel("x"), 7, 1)).isFalse();
        assertThat(f.registry.add(null, new FakeChannel("x"), 7, 2)).isFalse();
        f.install(new FakeChannel("centre"));
        assertThat(f.registry.add("centre", new FakeChannel("centre"), 9, 3)).isFalse();
        assertThat(f.registry.owner("centre")).contains(42L);
        assertThat(f.registry.ids()).containsExactly("centre");
    }

    @Test
    void quotesPlacesAndCancelsThroughTheChannel() throws Exception {
        f.install(new FakeChannel("centre"));
        ChannelQuote q = f.service.quote("centre", request);
        assertThat(q.total()).isEqualByComparingTo("2500");
        ChannelOrder order = new ChannelOrder("PO-1", q.quoteRef(), "CNY",
                List.of(new OrderLine("L1", "MASK-N95", 1000, new BigDecimal("2.50"), D)), "42", null, false, null);
        String ref = f.service.place("centre", order).channelOrderRef();
        assertThat(f.service.place("centre", order).channelOrderRef()).isEqualTo(ref);
        f.service.cancel("centre", ref, "budget withdrawn");
        assertThatThrownBy(() -> f.service.cancel("centre", "NOPE", "x")).isInstanceOf(PartnerFailure.class)
                .hasMessage("channel centre refused cancel: unknown order NOPE")
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.REFUSED && !((PartnerFailure) e).retryable());
    }

    @Test
    void aQuoteForLinesNeverAskedMoreThanAskedOrAlreadyExpiredIsTheChannelsFault() {
        FakeChannel liar = f.install(new FakeChannel("liar"));
        Instant later = Instant.now().plusSeconds(3600);
        liar.cannedQuote = new ChannelQuote("Q", "CNY", List.of(new QuotedLine("L9", 1, BigDecimal.ONE, D)), later, null, null);
        assertThatThrownBy(() -> f.service.quote("liar", request)).hasMessageEndingWith("line L9 was not asked for")
                .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.BROKEN);
        liar.cannedQuote = new ChannelQuote("Q", "CNY", List.of(new QuotedLine("L1", 1001, BigDecimal.ONE, D)), later, null, null);
        assertThatThrownBy(() -> f.service.quote("liar", request)).hasMessageEndingWith("offers 1001, more than the 1000 asked");
        liar.cannedQuote = new ChannelQuote("Q", "CNY", List.of(new QuotedLine("L1", 10, BigDecimal.ONE, D)),
                Instant.now().minusSeconds(1), null, null);
        assertThatThrownBy(() -> f.service.quote("liar", request)).hasMessageContaining("the quote expired");
        assertThat(f.service.channel("liar").problem()).contains("the quote expired");
    }

    @Test
    void aHangingChannelIsCutOffByTheTimeLimitWhileAnotherAnswers() throws Exception {
        FakeChannel slow = f.install(new FakeChannel("slow"));
        slow.hang = true;
        f.install(new FakeChannel("quick"));
        try {
            CompletableFuture<Object> hanging = CompletableFuture.supplyAsync(() -> {
                try {
                    return f.service.quote("slow", request);
                } catch (PartnerFailure e) {
                    return e;
                }
            });
            assertThat(f.service.quote("quick", request).lines()).hasSize(1);
            assertThat(hanging.get(5, TimeUnit.SECONDS)).isInstanceOf(PartnerFailure.class)
                    .matches(e -> ((PartnerFailure) e).kind() == PartnerFailure.Kind.TIMEOUT);
            assertThat(f.service.channel("slow").problem()).isEqualTo("channel slow did not answer quote within 300 ms");
        } finally {
            slow.release.countDown();
        }
    }
}
