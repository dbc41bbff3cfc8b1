package org.example.jinghua.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.example.jinghua.simulator.FactorySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.RequestLine;
import org.tongpao.procurement.testkit.FakeProcurement;
import org.tongpao.procurement.testkit.Samples;

/** The channel against the simulated factory, called as Tongpao calls it (worker thread, 5 s limit). */
class JinghuaChannelTest {
    private FactorySimulator factory;
    private FakeProcurement tongpao;

    @BeforeEach
    void start() throws Exception {
        factory = new FactorySimulator().start();
        tongpao = new FakeProcurement("jinghua", channel(factory.baseUrl(), factory.partnerKey()));
    }

    @AfterEach
    void stop() {
        tongpao.close();
        factory.stop();
    }

    /** The production default limit (3 s): generous on a busy test machine, still below Tongpao's 5 s. */
    private static JinghuaChannel channel(String baseUrl, String key) {
        return channel(baseUrl, key, 3000);
    }

    private static JinghuaChannel channel(String baseUrl, String key, long timeoutMillis) {
        return new JinghuaChannel(new FactoryClient(URI.create(baseUrl), key, Duration.ofMillis(timeoutMillis)));
    }

    @Test
    void anOrderFromConfirmationToDeliveryInTwoPartsIsPulledLineByLineWithItsPapers() throws Exception {
        String ref = tongpao.place(twoLines("PO-42-1")).channelOrderRef();
        factory.produce(ref, "JH-19083", 150_000);
        factory.ship(ref, "JH-19083", 120_000);
        factory.ship(ref, "JH-19083", 80_000);
        factory.ship(ref, "JH-KN95", 500_000);
        factory.deliver(ref, "JH-19083", 200_000);
        ProgressPage page = tongpao.progress(null);
        assertThat(page.events()).extracting(ProgressEvent::status).containsExactly(ProgressStatus.CONFIRMED,
                ProgressStatus.IN_PRODUCTION, ProgressStatus.SHIPPED, ProgressStatus.SHIPPED, ProgressStatus.SHIPPED,
                ProgressStatus.DELIVERED);
        ProgressEvent firstPart = page.events().get(2);
        assertThat(firstPart.lineRef()).isEqualTo("1");
        assertThat(firstPart.quantity()).isEqualTo(120_000);
        assertThat(firstPart.documents()).extracting(d -> d.kind())
                .containsExactly(DocumentKind.WAYBILL, DocumentKind.CERTIFICATE_OF_CONFORMITY);
        assertThat(page.events().get(0).expectedDate()).isAfter(LocalDate.now().minusDays(1));
        assertThat(page.events().get(1).note()).isEqualTo("150000 pieces of JH-19083 made");
        assertThat(tongpao.progress(page.nextCursor()).events()).isEmpty();
    }

    @Test
    void aDelayIsAnExceptionWithTheFactorysReasonAndTheNewDate() throws Exception {
        String ref = tongpao.place(Samples.order("PO-42-2")).channelOrderRef();
        factory.delay(ref, "melt-blown fabric delivered late", LocalDate.of(2027, 1, 10));
        ProgressEvent delay = tongpao.progress("1").events().get(0);
        assertThat(delay.status()).isEqualTo(ProgressStatus.EXCEPTION);
        assertThat(delay.note()).isEqualTo("melt-blown fabric delivered late");
        assertThat(delay.expectedDate()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void quotesWhatTheFactoryMakesAndSaysWhatItLeftOut() throws Exception {
        QuoteRequest request = new QuoteRequest("RFQ-1", List.of(new RequestLine("1", "MASK-MEDPROT", "MASK", 2_000_000,
                null), new RequestLine("2", "GOWN-ISO", "GOWN", 1000, null)), "42", null, true);
        ChannelQuote quote = tongpao.quote(request);
        assertThat(quote.lines()).hasSize(1);
        assertThat(quote.lines().get(0).unitPrice()).isEqualByComparingTo("2.66");
        assertThat(quote.total()).isEqualByComparingTo("5320000");
        assertThat(quote.note()).contains("not quoted: 2: Jinghua does not make GOWN-ISO");
        QuoteRequest nothing = new QuoteRequest("RFQ-2", List.of(new RequestLine("1", "MASK-MEDPROT", "MASK", 10, null)),
                "42", null, false);
        assertThatThrownBy(() -> tongpao.quote(nothing)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("at least 10000 pieces").satisfies(e -> assertRetryable(e, false));
    }

    @Test
    void theFactoryFilesWhoApprovedTheOrderAndAnEmergencysJustification() throws Exception {
        String normal = tongpao.place(Samples.order("PO-42-7")).channelOrderRef();
        assertThat(factory.order(normal).approvedBy())
                .isEqualTo("li.na (procurement-officer), wang.wei (procurement-officer)");
        assertThat(factory.order(normal).justification()).isNull();
        String urgent = tongpao.place(Samples.emergencyOrder("PO-42-8")).channelOrderRef();
        assertThat(factory.order(urgent).approvedBy()).isEqualTo("zhang.min (procurement-officer)");
        assertThat(factory.order(urgent).justification()).isEqualTo(Samples.JUSTIFICATION);
    }

    @Test
    void cancelBeforeShippingWorksAfterShippingIsRefused() throws Exception {
        String early = tongpao.place(Samples.order("PO-42-3")).channelOrderRef();
        tongpao.cancel(early, "need met by donations");
        assertThat(factory.order(early).state()).isEqualTo("CANCELLED");
        String late = tongpao.place(Samples.order("PO-42-4")).channelOrderRef();
        factory.ship(late, "JH-19083", 1000 * 10L);
        assertThatThrownBy(() -> tongpao.cancel(late, "too late")).isInstanceOf(ChannelException.class)
                .hasMessageContaining("goods already left the factory").satisfies(e -> assertRetryable(e, false));
    }

    @Test
    void outagesAreRetryableRefusalsAreNot() throws Exception {
        factory.failNextCalls(1);
        assertThatThrownBy(() -> tongpao.place(Samples.order("PO-42-5"))).isInstanceOf(ChannelException.class)
                .hasMessageContaining("unavailable").satisfies(e -> assertRetryable(e, true));
        factory.hangNextCalls(1);
        try (FakeProcurement impatient = new FakeProcurement("jinghua", channel(factory.baseUrl(), factory.partnerKey(),
                800))) {
            assertThatThrownBy(() -> impatient.progress(null)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("within 800 ms").satisfies(e -> assertRetryable(e, true));
        }
        factory.releaseHungCalls();
        try (FakeProcurement wrongKey = new FakeProcurement("jinghua", channel(factory.baseUrl(), "stolen"))) {
            assertThatThrownBy(() -> wrongKey.progress(null)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining(".partnerKey").satisfies(e -> assertRetryable(e, false));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (FakeProcurement down = new FakeProcurement("jinghua", channel("http://127.0.0.1:" + closedPort, "k"))) {
            assertThatThrownBy(() -> down.progress(null)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("cannot be reached").satisfies(e -> assertRetryable(e, true));
        }
        ChannelOrder dollars = new ChannelOrder("PO-42-6", null, "USD", List.of(new OrderLine("1", "MASK-KN95", 10_000,
                new BigDecimal("0.20"), null)), "42", "Wuhan depot", false, null);
        assertThatThrownBy(() -> tongpao.place(dollars)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("CNY only");
        assertThat(factory.orderCount()).isZero();
    }

    private static ChannelOrder twoLines(String orderRef) {
        return new ChannelOrder(orderRef, null, "CNY", List.of(
                new OrderLine("1", "MASK-MEDPROT", 200_000, new BigDecimal("2.80"), LocalDate.now().plusDays(10)),
                new OrderLine("2", "MASK-KN95", 500_000, new BigDecimal("1.20"), LocalDate.now().plusDays(7))),
                "42", "Wuhan depot, 1 Depot Road, Wuhan", true, "emergency procurement");
    }

    private static void assertRetryable(Throwable e, boolean retryable) {
        assertThat(((ChannelException) e).isRetryable()).as("retryable").isEqualTo(retryable);
    }
}
