package org.tongpao.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A channel's answers are untrusted: every value type refuses what breaks the contract, naming the field. */
class ValueBoundsTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");
    static final LocalDate D0 = LocalDate.parse("2020-02-10");

    @Test
    void offersNameExactlyOneCodePerLineAndNoneTwice() {
        OfferLine masks = OfferLine.item("MASK-N95", "GB 19083-2010", 7, 200_000);
        OfferLine ppe = OfferLine.category("PPE", 14, 50_000);
        ChannelOffer offer = new ChannelOffer(" Centre ", Set.of(SupplyOrigin.DOMESTIC), "CNY", List.of(masks, ppe), Set.of(ProgressMode.PULL));
        assertThat(offer.name()).isEqualTo("Centre");
        assertThat(offer.lineFor("MASK-N95", "PPE")).contains(masks);
        assertThat(offer.lineFor("GOWN-1", "PPE")).contains(ppe);
        assertThat(offer.lineFor("TENT-1", "SHELTER")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new OfferLine("PPE", "MASK-N95", null, 7, 1)).withMessageStartingWith("categoryCode or itemCode");
        assertThatIllegalArgumentException().isThrownBy(() -> new OfferLine(null, null, null, 7, 1)).withMessageStartingWith("categoryCode or itemCode");
        assertThatIllegalArgumentException().isThrownBy(() -> OfferLine.item("mask", null, 7, 1)).withMessageStartingWith("itemCode");
        assertThatIllegalArgumentException().isThrownBy(() -> OfferLine.item("MASK", null, 731, 1)).withMessageStartingWith("leadTimeDays");
        assertThatIllegalArgumentException().isThrownBy(() -> OfferLine.item("MASK", null, 7, -1)).withMessageStartingWith("capacityPerWeek");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOffer("C", Set.of(SupplyOrigin.DOMESTIC), "CNY", List.of(masks, masks), Set.of(ProgressMode.PULL))).withMessage("lines must not repeat a reference");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOffer("C", Set.of(), "CNY", List.of(masks), Set.of(ProgressMode.PULL))).withMessageStartingWith("origins");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOffer("C", Set.of(SupplyOrigin.DOMESTIC), "CNY", List.of(), Set.of(ProgressMode.PULL))).withMessageStartingWith("lines");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOffer("C", Set.of(SupplyOrigin.DOMESTIC), "CNY", List.of(masks), null)).withMessageStartingWith("progress");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOffer("C\nX", Set.of(SupplyOrigin.DOMESTIC), "CNY", List.of(masks), Set.of(ProgressMode.PUSH))).withMessage("name must be a single line");
    }

    @Test
    void offersAreCopiedSoAChannelCannotChangeThemLater() {
        List<OfferLine> lines = new ArrayList<>(List.of(OfferLine.item("MASK-N95", null, 7, 1)));
        ChannelOffer offer = new ChannelOffer("C", Set.of(SupplyOrigin.INTERNATIONAL), "KRW", lines, Set.of(ProgressMode.PUSH));
        lines.clear();
        assertThat(offer.lines()).hasSize(1);
    }

    @Test
    void moneyIsAnIsoCurrencyAndAnExactPositiveDecimal() {
        QuotedLine line = new QuotedLine("L1", 3, new BigDecimal("1.2345"), D0);
        assertThat(line.amount()).isEqualByComparingTo("3.7035");
        ChannelQuote quote = new ChannelQuote("Q-1", "KRW", List.of(line, new QuotedLine("L2", 2, new BigDecimal("1500"), D0)), T0, "CIF", null);
        assertThat(quote.total()).isEqualByComparingTo("3003.7035");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotedLine("L1", 3, new BigDecimal("1.23456"), D0)).withMessage("unitPrice must have at most 4 decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotedLine("L1", 3, BigDecimal.ZERO, D0)).withMessage("unitPrice must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotedLine("L1", 3, new BigDecimal("1e10"), D0)).withMessageStartingWith("unitPrice must be at most");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotedLine("L1", 0, BigDecimal.ONE, D0)).withMessageStartingWith("quantity");
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotedLine("L1", 1, BigDecimal.ONE, null)).withMessage("deliverBy is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q-1", "yuan", List.of(line), T0, null, null)).withMessageStartingWith("currency must be an ISO 4217 code");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q-1", "XYZ", List.of(line), T0, null, null)).withMessageContaining("is not an ISO 4217 currency");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q-1", "CNY", List.of(line), T0, "cif", null)).withMessageStartingWith("incoterm");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q-1", "CNY", List.of(line, line), T0, null, null)).withMessageStartingWith("lines must not repeat");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q 1", "CNY", List.of(line), T0, null, null)).withMessageStartingWith("quoteRef may contain only");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelQuote("Q-1", "CNY", Arrays.asList(line, null), T0, null, null)).withMessage("lines must not hold null");
    }

    @Test
    void requestsAndOrdersAreCheckedToo() {
        RequestLine r = new RequestLine("L1", "MASK-N95", "PPE", 1000, "GB 19083-2010");
        assertThat(new QuoteRequest("RFQ-1", List.of(r), "42", D0, true).emergency()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new QuoteRequest("RFQ-1", List.of(r), "Hubei", D0, false)).withMessageStartingWith("deliverToProvince");
        OrderLine o = new OrderLine("L1", "MASK-N95", 1000, new BigDecimal("2.50"), D0);
        ChannelOrder order = new ChannelOrder("PO-42-7", "Q-1", "CNY", List.of(o), "42", " Wuhan depot 3 ", false, null);
        assertThat(order.deliverTo()).isEqualTo("Wuhan depot 3");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOrder("PO-42-7", null, "CNY", List.of(), "42", null, false, null)).withMessageStartingWith("lines must hold at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("L1", "MASK-N95", Check_MAX + 1, BigDecimal.ONE, null)).withMessageStartingWith("quantity");
        assertThat(new PlacedOrder(" SUP-9 ", "  ").channelOrderRef()).isEqualTo("SUP-9");
        // 1.2: the 1.1 constructor still builds an order, without approvals
        assertThat(order.approvals()).isEmpty();
        assertThat(order.justification()).isNull();
        java.time.Instant at = java.time.Instant.parse("2026-02-03T02:00:00Z");
        ChannelOrder approved = new ChannelOrder("PO-42-8", null, "CNY", List.of(o), "42", null, true, null, List.of(
                new OrderApproval(" li ", "procurement-officer", at, " Wuhan runs out of masks in two days ")));
        assertThat(approved.approvals().get(0).approver()).isEqualTo("li");
        assertThat(approved.justification()).isEqualTo("Wuhan runs out of masks in two days");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderApproval("li", null, at, null)).withMessage("role is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new OrderApproval("li", "x", null, null)).withMessage("approvedAt is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelOrder("PO-42-9", null, "CNY", List.of(o), "42",
                null, false, null, java.util.Collections.nCopies(ChannelOrder.MAX_APPROVALS + 1,
                        approved.approvals().get(0)))).withMessageStartingWith("approvals must hold at most");
        assertThatIllegalArgumentException().isThrownBy(() -> new PlacedOrder(null, null)).withMessage("channelOrderRef is required");
    }

    static final long Check_MAX = org.tongpao.procurement.api.internal.Check.MAX_QUANTITY;

    @Test
    void progressEventsCarryQuantitiesOnlyForALineAndExceptionsSayWhy() {
        ProgressEvent shipped = new ProgressEvent("E1", "SUP-9", ProgressStatus.SHIPPED, T0, "L1", 400L, D0,
                List.of(new ProgressDocument(DocumentKind.WAYBILL, "SF-1", D0, "https://sup.example/waybills/SF-1")), null);
        assertThat(shipped.documents()).hasSize(1);
        assertThat(ProgressEvent.of("E2", "SUP-9", ProgressStatus.CONFIRMED, T0).documents()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressEvent("E1", "SUP-9", ProgressStatus.SHIPPED, T0, null, 400L, null, null, null)).withMessageStartingWith("quantity needs");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressEvent("E1", "SUP-9", ProgressStatus.SHIPPED, T0, "L1", 0L, null, null, null)).withMessageStartingWith("quantity");
        assertThatIllegalArgumentException().isThrownBy(() -> ProgressEvent.of("E1", "SUP-9", ProgressStatus.EXCEPTION, T0)).withMessageStartingWith("note is required");
        assertThatIllegalArgumentException().isThrownBy(() -> ProgressEvent.of(null, "SUP-9", ProgressStatus.CONFIRMED, T0)).withMessage("eventId is required");
        assertThatIllegalArgumentException().isThrownBy(() -> ProgressEvent.of("E1", "SUP-9", null, T0)).withMessage("status is required");
        assertThatIllegalArgumentException().isThrownBy(() -> ProgressEvent.of("E1", "x".repeat(65), ProgressStatus.CONFIRMED, T0)).withMessageContaining("at most 64");
        List<ProgressDocument> many = java.util.Collections.nCopies(21, new ProgressDocument(DocumentKind.OTHER, "D1", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressEvent("E1", "SUP-9", ProgressStatus.CLEARED, T0, null, null, null, many, null)).withMessageStartingWith("documents must hold at most 20");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressDocument(DocumentKind.OTHER, "D1", null, "file:///etc/passwd")).withMessageStartingWith("link must be");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressDocument(DocumentKind.OTHER, "D1", null, "https://")).withMessageStartingWith("link must be");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressEvent("E1", "SUP-9", ProgressStatus.EXCEPTION, T0, null, null, null, null, "bad\u0000")).withMessageContaining("control characters");
    }

    @Test
    void pagesNeedACursorWhenTheyCarryEventsAndHoldAtMost500() {
        ProgressEvent e = ProgressEvent.of("E1", "SUP-9", ProgressStatus.CONFIRMED, T0);
        assertThat(ProgressPage.empty(null).events()).isEmpty();
        assertThat(new ProgressPage(List.of(e), "c-1").nextCursor()).isEqualTo("c-1");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressPage(List.of(e), null)).withMessage("nextCursor is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProgressPage(java.util.Collections.nCopies(501, e), "c")).withMessageStartingWith("events must hold at most 500");
        assertThat("centre").matches(Channel.ID_PATTERN);
        assertThat("Centre 1").doesNotMatch(Channel.ID_PATTERN);
    }
}
