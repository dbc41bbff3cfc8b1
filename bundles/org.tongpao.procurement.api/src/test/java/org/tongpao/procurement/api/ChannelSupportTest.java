package org.tongpao.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSupportTest {

    @Test
    void aReferenceIsThePrefixAndANumber() {
        assertThat(ChannelSupport.referencedId("IMP-", "IMP-42")).contains(42L);
        assertThat(ChannelSupport.referencedId("IMP-", "IMP-")).isEmpty();
        assertThat(ChannelSupport.referencedId("IMP-", "IMP-4x")).isEmpty();
        assertThat(ChannelSupport.referencedId("IMP-", "PCC-42")).isEmpty();
        assertThat(ChannelSupport.referencedId("IMP-", "IMP-1234567890123456789")).as("19 digits").isEmpty();
        assertThat(ChannelSupport.referencedId("IMP-", null)).isEmpty();
        assertThatThrownBy(() -> ChannelSupport.requireReferencedId("IMP-", "IMP-x"))
                .isInstanceOf(ChannelException.class).hasMessage("unknown order IMP-x")
                .satisfies(e -> assertThat(((ChannelException) e).isRetryable()).isFalse());
    }

    @Test
    void aCursorIsTheLastEventIdSent() throws Exception {
        assertThat(ChannelSupport.cursorId(null, "import-KRW")).isZero();
        assertThat(ChannelSupport.cursorId("17", "import-KRW")).isEqualTo(17);
        assertThatThrownBy(() -> ChannelSupport.cursorId("abc", "import-KRW")).isInstanceOf(ChannelException.class)
                .hasMessage("not a cursor of import-KRW: abc");
    }

    @Test
    void aPageLeadsOnFromItsLastEventAndAnEmptyOneKeepsTheCursor() {
        record Step(long id, String ref) {
        }
        ProgressPage page = ChannelSupport.page("3", List.of(new Step(4, "IMP-1"), new Step(9, "IMP-2")), Step::id,
                s -> new ProgressEvent("e-" + s.id(), s.ref(), ProgressStatus.CONFIRMED,
                        Instant.parse("2026-12-07T08:00:00Z"), null, null, null, List.of(), null));
        assertThat(page.nextCursor()).isEqualTo("9");
        assertThat(page.events()).extracting(ProgressEvent::eventId).containsExactly("e-4", "e-9");
        assertThat(ChannelSupport.page("3", List.<Step>of(), Step::id, s -> null)).isEqualTo(ProgressPage.empty("3"));
    }

    @Test
    void anOfferByItemTakesTheShortestLeadTimeAndTheSummedCapacity() {
        ChannelOffer offer = new OfferByItem().add("MASK-N95", 10, 1_000).add("GOWN", 5, 50).add("MASK-N95", 7, 500)
                .offer("Test", SupplyOrigin.DOMESTIC, "CNY", java.util.EnumSet.of(ProgressMode.PULL));
        assertThat(offer.lines()).extracting(OfferLine::itemCode, OfferLine::leadTimeDays, OfferLine::capacityPerWeek)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GOWN", 5, 50L),
                        org.assertj.core.groups.Tuple.tuple("MASK-N95", 7, 1_500L));
        assertThat(new OfferByItem().isEmpty()).isTrue();
    }

    @Test
    void aQuoteHeadPrefixesTheRequestAndNoLineIsARefusal() throws Exception {
        QuoteRequest r = new QuoteRequest("RFQ-1", List.of(new RequestLine("L1", "MASK-N95", null, 10, null)), "42",
                java.time.LocalDate.of(2026, 2, 20), false);
        Instant until = Instant.parse("2026-12-08T08:00:00Z");
        List<QuotedLine> lines = List.of(new QuotedLine("L1", 10, new java.math.BigDecimal("2.5"),
                java.time.LocalDate.of(2026, 2, 10)));
        ChannelQuote q = ChannelSupport.quote("PCQ-", r, "CNY", lines, until, null, "note", "agreement");
        assertThat(q.quoteRef()).isEqualTo("PCQ-RFQ-1");
        assertThat(q.validUntil()).isEqualTo(until);
        String long64 = "R".repeat(62);
        QuoteRequest longer = new QuoteRequest(long64, r.lines(), "42", null, false);
        assertThat(ChannelSupport.quote("PCQ-", longer, "CNY", lines, until, null, null, "x").quoteRef()).isEqualTo(long64);
        assertThatThrownBy(() -> ChannelSupport.quote("PCQ-", r, "CNY", List.of(), until, null, null,
                "framework agreement")).isInstanceOf(ChannelException.class)
                .hasMessage("no framework agreement supplies any line of this request by 2026-02-20")
                .satisfies(e -> assertThat(((ChannelException) e).isRetryable()).isFalse());
    }
}
