package org.tongpao.procurement.centre.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.ConflictException;

/**
 * Which agreement supplies each line of an order. Normal: per line the cheapest offer able to deliver by the day
 * needed within the line's price ceiling (only the named agreement, if one is named). Emergency, single source: one
 * agreement valid today that covers every line, expedited: the named one, else the one delivering the whole order
 * soonest (then the cheapest).
 */
final class Sourcing {
    private Sourcing() {
    }

    /** The offers, one per line in the order's order; 409 naming the line (or agreementCode) that cannot be sourced. */
    static List<Offer> choose(List<Agreement> candidates, LocalDate today, NewCentreOrder o) {
        List<Agreement> allowed = o.agreementCode() == null ? candidates
                : candidates.stream().filter(a -> a.code().equals(o.agreementCode())).toList();
        return o.emergency() ? singleSource(allowed, today, o) : perLine(allowed, today, o);
    }

    private static List<Offer> perLine(List<Agreement> agreements, LocalDate today, NewCentreOrder o) {
        List<Offer> out = new ArrayList<>();
        for (int i = 0; i < o.lines().size(); i++) {
            NewCentreOrder.Line l = o.lines().get(i);
            int index = i;
            out.add(OfferRanking.rank(agreements, today, l.itemCode(), l.quantity(), o.neededBy(), OfferRanking.Preference.PRICE)
                    .stream().filter(offer -> withinCeiling(offer, l)).findFirst()
                    .orElseThrow(() -> new ConflictException("lines[" + index + "]", "no framework agreement valid on "
                            + today + " supplies " + l.quantity() + " of " + l.itemCode()
                            + (o.neededBy() == null ? "" : " by " + o.neededBy())
                            + (l.maxUnitPrice() == null ? "" : " at " + l.maxUnitPrice().toPlainString() + " or less"))));
        }
        return out;
    }

    private static List<Offer> singleSource(List<Agreement> agreements, LocalDate today, NewCentreOrder o) {
        return agreements.stream().map(a -> expedited(a, today, o)).flatMap(Optional::stream)
                .min(Comparator.<List<Offer>, LocalDate>comparing(Sourcing::lastDelivery)
                        .thenComparing(offers -> offers.stream().map(Offer::total).reduce(java.math.BigDecimal.ZERO,
                                java.math.BigDecimal::add)))
                .orElseThrow(() -> new ConflictException(o.agreementCode() == null ? "lines" : "agreementCode",
                        "no single framework agreement valid on " + today + " covers every line of emergency order "
                                + o.orderRef() + (o.agreementCode() == null ? "" : " under " + o.agreementCode())));
    }

    /** The agreement's expedited offers for every line, or empty when it misses one (or a price ceiling). */
    private static Optional<List<Offer>> expedited(Agreement a, LocalDate today, NewCentreOrder o) {
        List<Offer> offers = new ArrayList<>();
        for (NewCentreOrder.Line l : o.lines()) {
            Optional<Offer> offer = OfferRanking.offer(a, today, l.itemCode(), l.quantity(), true)
                    .filter(x -> withinCeiling(x, l));
            if (offer.isEmpty()) {
                return Optional.empty();
            }
            offers.add(offer.get());
        }
        return Optional.of(offers);
    }

    private static LocalDate lastDelivery(List<Offer> offers) {
        return offers.stream().map(Offer::deliverBy).max(LocalDate::compareTo).orElseThrow();
    }

    private static boolean withinCeiling(Offer offer, NewCentreOrder.Line l) {
        return l.maxUnitPrice() == null || offer.unitPrice().compareTo(l.maxUnitPrice()) <= 0;
    }
}
