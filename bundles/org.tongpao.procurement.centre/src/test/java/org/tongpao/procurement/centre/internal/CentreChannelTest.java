package org.tongpao.procurement.centre.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.centre.internal.CentreFixture.BUYER;
import static org.tongpao.procurement.centre.internal.CentreFixture.TODAY;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.OrderApproval;
import org.tongpao.procurement.api.RequestLine;

class CentreChannelTest {
    private final CentreFixture f = new CentreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private CentreChannel channel() {
        return new CentreChannel(f.agreements, f.orders, f.agreements.current());
    }

    private static ChannelOrder order(String ref, boolean emergency, String note, String price) {
        return new ChannelOrder(ref, null, "CNY", List.of(new OrderLine("L1", "MASK-N95", 1000, new BigDecimal(price), null)),
                "42", "Wuhan depot 1", emergency, note);
    }

    @Test
    void theOfferIsTheItemsOfCurrentAgreements() {
        assertThat(channel().offersSomething()).isFalse();
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 50_000, 14, 7);
        assertThat(channel().offer().lines()).singleElement().satisfies(l -> {
            assertThat(l.itemCode()).isEqualTo("MASK-N95");
            assertThat(l.leadTimeDays()).isEqualTo(3);
            assertThat(l.capacityPerWeek()).isEqualTo(150_000);
        });
    }

    @Test
    void quotesTheCheapestOrTheSingleExpeditedSource() throws Exception {
        f.agreement("FA-DEAR", "3.10", 100_000, 3, 1);
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        List<RequestLine> lines = List.of(new RequestLine("L1", "MASK-N95", null, 1000, null),
                new RequestLine("L2", "GOWN-L", null, 10, null));
        ChannelQuote q = channel().quote(new QuoteRequest("RFQ-1", lines, "42", null, false));
        assertThat(q.lines()).singleElement().satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("2.50"));
        assertThat(q.total()).isEqualByComparingTo("2500");
        ChannelQuote e = channel().quote(new QuoteRequest("RFQ-2", lines.subList(0, 1), "42", null, true));
        assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.deliverBy()).isEqualTo(TODAY.plusDays(1)));
        assertThat(e.note()).contains("FA-DEAR");
        assertThatThrownBy(() -> channel().quote(new QuoteRequest("RFQ-3", lines.subList(1, 2), "42", null, false)))
                .isInstanceOfSatisfying(ChannelException.class, x -> assertThat(x.isRetryable()).isFalse());
    }

    @Test
    void placesIdempotentlyAndRefusesWhatTheAgreementsDoNotAllow() throws Exception {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        String ref = channel().place(order("PO-1", false, null, "2.50")).channelOrderRef();
        assertThat(channel().place(order("PO-1", false, null, "2.50")).channelOrderRef()).isEqualTo(ref);
        assertThatThrownBy(() -> channel().place(order("PO-2", false, null, "2.40"))).isInstanceOf(ChannelException.class);
        assertThatThrownBy(() -> channel().place(order("PO-3", true, "urgent", "2.50")))
                .isInstanceOfSatisfying(ChannelException.class, x -> assertThat(x.getMessage()).contains("justification"));
    }

    @Test
    void anEmergencyOrderThroughTheSpiKeepsItsJustificationAndThePlatformsApproval() throws Exception {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        String ref = channel().place(order("PO-E", true, CentreOrdersTest.WHY, "2.50")).channelOrderRef();
        CentreOrder o = f.orders.get(BUYER, CentreChannel.orderId(ref).orElseThrow());
        assertThat(o.emergency()).isTrue();
        assertThat(o.justification()).isEqualTo(CentreOrdersTest.WHY);
        assertThat(o.approvedBy()).isEqualTo("Tongpao order PO-E");
        assertThat(o.promisedDate()).isEqualTo(TODAY.plusDays(7));
    }

    @Test
    void theApproversAndTheApprovalsJustificationOfSpi12AreRecorded() throws Exception {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        Instant at = Instant.parse("2026-02-03T02:00:00Z");
        ChannelOrder emergency = new ChannelOrder("PO-E2", null, "CNY", List.of(new OrderLine("L1", "MASK-N95", 1000,
                new BigDecimal("2.50"), null)), "42", "Wuhan depot 1", true, "deliver to gate 3",
                List.of(new OrderApproval("director-li", "procurement-officer", at, CentreOrdersTest.WHY)));
        CentreOrder e = f.orders.get(BUYER, CentreChannel.orderId(channel().place(emergency).channelOrderRef()).orElseThrow());
        assertThat(e.justification()).isEqualTo(CentreOrdersTest.WHY);
        assertThat(e.approvedBy()).isEqualTo("director-li (procurement-officer)");

        ChannelOrder normal = new ChannelOrder("PO-N2", null, "CNY", emergency.lines(), "42", null, false, null,
                List.of(new OrderApproval("li", "procurement-officer", at, null),
                        new OrderApproval("wang", "ministry-admin", at, null)));
        CentreOrder n = f.orders.get(BUYER, CentreChannel.orderId(channel().place(normal).channelOrderRef()).orElseThrow());
        assertThat(n.justification()).isNull();
        assertThat(n.approvedBy()).isEqualTo("li (procurement-officer), wang (ministry-admin)");
    }

    @Test
    void progressIsPulledFromTheCursorAndCancellationIsHonoured() throws Exception {
        f.agreement("FA-CHEAP", "2.50", 100_000, 14, 7);
        CentreChannel ch = channel();
        String ref = ch.place(order("PO-1", false, null, "2.50")).channelOrderRef();
        long id = CentreChannel.orderId(ref).orElseThrow();
        assertThat(ch.progress(null).events()).isEmpty();
        f.orders.progress(BUYER, id, CentreOrderStatus.CONFIRMED, "confirmed", null);
        ProgressPage first = ch.progress(null);
        assertThat(first.events()).extracting(ProgressEvent::status).containsExactly(ProgressStatus.CONFIRMED);
        assertThat(first.events().get(0).channelOrderRef()).isEqualTo(ref);
        f.orders.progress(BUYER, id, CentreOrderStatus.SHIPPED, null, null);
        assertThat(ch.progress(first.nextCursor()).events()).extracting(ProgressEvent::status)
                .containsExactly(ProgressStatus.SHIPPED);
        assertThatThrownBy(() -> ch.cancel(ref, "too late")).isInstanceOf(ChannelException.class);
        String other = ch.place(order("PO-2", false, null, "2.50")).channelOrderRef();
        ch.cancel(other, "need met");
        ch.cancel(other, "need met");
        assertThatThrownBy(() -> ch.cancel("PCC-999", null)).isInstanceOf(ChannelException.class);
    }
}
