package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tongpao.funding.Money;

/**
 * The centre's answer to a request for quotation: every agreement valid today that covers the item and can
 * deliver the whole quantity by the day needed, ranked cheapest first (then fastest) or fastest first (then
 * cheapest). Delivery takes the lead time for the first week's capacity and a week for each further one.
 */
public final class OfferRanking {
    public enum Preference { PRICE, TIME }

    private OfferRanking() {
    }

    /** The offers in order of preference; {@code neededBy} null means any day. */
    public static List<Offer> rank(List<Agreement> agreements, LocalDate today, String itemCode, long quantity,
            LocalDate neededBy, Preference preference) {
        Comparator<Offer> byPrice = Comparator.comparing(Offer::unitPrice);
        Comparator<Offer> byTime = Comparator.comparing(Offer::deliverBy);
        Comparator<Offer> order = preference == Preference.TIME ? byTime.thenComparing(byPrice) : byPrice.thenComparing(byTime);
        return agreements.stream()
                .map(a -> offer(a, today, itemCode, quantity, false))
                .flatMap(Optional::stream)
                .filter(o -> neededBy == null || !o.deliverBy().isAfter(neededBy))
                .sorted(order.thenComparing(Offer::agreementCode))
                .toList();
    }

    /** What one agreement offers today, expedited (emergency) or not; empty when not valid today or not covering the item. */
    public static Optional<Offer> offer(Agreement a, LocalDate today, String itemCode, long quantity, boolean expedited) {
        if (!a.validOn(today)) {
            return Optional.empty();
        }
        return a.line(itemCode).map(line -> new Offer(a.id(), a.code(), a.supplierCode(), a.supplierName(), itemCode,
                quantity, line.unitPrice(), total(line.unitPrice(), quantity), a.currency(),
                deliverBy(today, expedited ? a.expeditedLeadDays() : a.leadDays(), line.capacityPerWeek(), quantity),
                expedited));
    }

    /** Price × quantity, exact, then rounded once to fen as funding rounds ({@link Money#rounded}). */
    static BigDecimal total(BigDecimal unitPrice, long quantity) {
        return Money.rounded(unitPrice.multiply(BigDecimal.valueOf(quantity)), Money.CNY).amount();
    }

    /** The lead time covers the first week's capacity; each further week's capacity adds a week. */
    static LocalDate deliverBy(LocalDate today, int leadDays, long capacityPerWeek, long quantity) {
        long weeks = (quantity + capacityPerWeek - 1) / capacityPerWeek;
        return today.plusDays(leadDays).plusWeeks(weeks - 1);
    }
}
