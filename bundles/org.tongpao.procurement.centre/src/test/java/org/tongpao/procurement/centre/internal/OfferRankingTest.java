package org.tongpao.procurement.centre.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.centre.internal.OfferRanking.Preference;

class OfferRankingTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);

    static Agreement agreement(long id, String code, LocalDate from, LocalDate until, int lead, int expedited,
            Agreement.Status status, AgreementLine... lines) {
        return new Agreement(id, code, "SUP-" + id, "Supplier " + id, from, until, lead, expedited, "CNY", status, null,
                List.of(lines), "admin", Instant.EPOCH, 1);
    }

    static AgreementLine line(String item, String price, long capacity) {
        return new AgreementLine(item, new BigDecimal(price), capacity);
    }

    private final Agreement cheapSlow = agreement(1, "FA-CHEAP", TODAY.minusDays(30), TODAY.plusDays(300), 14, 7,
            Agreement.Status.ACTIVE, line("MASK-N95", "2.5000", 100_000));
    private final Agreement dearFast = agreement(2, "FA-FAST", TODAY.minusDays(30), TODAY.plusDays(300), 3, 1,
            Agreement.Status.ACTIVE, line("MASK-N95", "3.1000", 100_000));
    private final Agreement expired = agreement(3, "FA-OLD", TODAY.minusDays(400), TODAY.minusDays(1), 1, 1,
            Agreement.Status.ACTIVE, line("MASK-N95", "1.0000", 100_000));
    private final Agreement withdrawn = agreement(4, "FA-GONE", TODAY.minusDays(30), TODAY.plusDays(30), 1, 1,
            Agreement.Status.WITHDRAWN, line("MASK-N95", "1.0000", 100_000));
    private final Agreement notYet = agreement(5, "FA-LATER", TODAY.plusDays(1), TODAY.plusDays(30), 1, 1,
            Agreement.Status.ACTIVE, line("MASK-N95", "1.0000", 100_000));
    private final Agreement otherItem = agreement(6, "FA-GOWN", TODAY.minusDays(1), TODAY.plusDays(30), 1, 1,
            Agreement.Status.ACTIVE, line("GOWN-L", "1.0000", 100_000));
    private final List<Agreement> all = List.of(expired, dearFast, cheapSlow, withdrawn, notYet, otherItem);

    @Test
    void onlyAgreementsValidTodayCoveringTheItemOffer() {
        assertThat(OfferRanking.rank(all, TODAY, "MASK-N95", 1000, null, Preference.PRICE))
                .extracting(Offer::agreementCode).containsExactly("FA-CHEAP", "FA-FAST");
    }

    @Test
    void validityIncludesBothEndDays() {
        Agreement a = agreement(7, "FA-DAY", TODAY, TODAY, 1, 1, Agreement.Status.ACTIVE, line("X", "1", 1));
        assertThat(a.validOn(TODAY)).isTrue();
        assertThat(a.validOn(TODAY.plusDays(1))).isFalse();
        assertThat(a.validOn(TODAY.minusDays(1))).isFalse();
    }

    @Test
    void cheapestFirstOrFastestFirst() {
        assertThat(OfferRanking.rank(all, TODAY, "MASK-N95", 1000, null, Preference.TIME))
                .extracting(Offer::agreementCode).containsExactly("FA-FAST", "FA-CHEAP");
    }

    @Test
    void anAgreementThatCannotDeliverByTheDayNeededIsLeftOut() {
        assertThat(OfferRanking.rank(all, TODAY, "MASK-N95", 1000, TODAY.plusDays(10), Preference.PRICE))
                .extracting(Offer::agreementCode).containsExactly("FA-FAST");
        assertThat(OfferRanking.rank(all, TODAY, "MASK-N95", 1000, TODAY.plusDays(2), Preference.PRICE)).isEmpty();
    }

    @Test
    void capacityAddsAWeekPerFurtherWeeksWorth() {
        // 250,000 at 100,000 a week: the lead time for the first 100,000, then two more weeks
        Offer o = OfferRanking.offer(dearFast, TODAY, "MASK-N95", 250_000, false).orElseThrow();
        assertThat(o.deliverBy()).isEqualTo(TODAY.plusDays(3).plusWeeks(2));
        assertThat(OfferRanking.offer(dearFast, TODAY, "MASK-N95", 100_000, false).orElseThrow().deliverBy())
                .isEqualTo(TODAY.plusDays(3));
    }

    @Test
    void expeditedUsesTheShorterLeadTime() {
        assertThat(OfferRanking.offer(cheapSlow, TODAY, "MASK-N95", 1000, true).orElseThrow())
                .satisfies(o -> assertThat(o.deliverBy()).isEqualTo(TODAY.plusDays(7)))
                .satisfies(o -> assertThat(o.expedited()).isTrue());
    }

    @Test
    void totalIsExactThenRoundedOnceToFenAsFundingRounds() {
        assertThat(OfferRanking.total(new BigDecimal("2.4925"), 2)).isEqualByComparingTo("4.99"); // 4.985 -> 4.99 (half up)
        assertThat(OfferRanking.total(new BigDecimal("2.4921"), 2)).isEqualByComparingTo("4.98"); // 4.9842 -> 4.98
        assertThat(OfferRanking.total(new BigDecimal("0.3333"), 3)).isEqualByComparingTo("1.00");
        assertThat(OfferRanking.total(new BigDecimal("2.5000"), 1_000_000).scale()).isEqualTo(2);
    }

    @Test
    void tiesAreBrokenByTimeThenCode() {
        Agreement same = agreement(8, "FA-AAA", TODAY.minusDays(1), TODAY.plusDays(9), 14, 7, Agreement.Status.ACTIVE,
                line("MASK-N95", "2.5", 100_000));
        assertThat(OfferRanking.rank(List.of(cheapSlow, same), TODAY, "MASK-N95", 10, null, Preference.PRICE))
                .extracting(Offer::agreementCode).containsExactly("FA-AAA", "FA-CHEAP");
    }
}
