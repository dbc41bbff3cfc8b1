package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which foreign offer supplies a line: the cheapest valid today, in the order's currency, able to deliver the whole
 * quantity by the day needed (imports are slow: the lead time covers shipping and customs), at no more than the
 * price agreed; then the fastest, then the oldest offer.
 */
final class ImportSourcing {
    private ImportSourcing() {
    }

    static Optional<ImportOffer> best(List<ImportOffer> offers, LocalDate today, String itemCode, long quantity,
            String currency, LocalDate neededBy, BigDecimal ceiling) {
        return offers.stream()
                .filter(o -> o.itemCode().equals(itemCode) && o.currency().equals(currency) && o.validOn(today))
                .filter(o -> neededBy == null || !o.deliverBy(today, quantity).isAfter(neededBy))
                .filter(o -> ceiling == null || o.unitPrice().compareTo(ceiling) <= 0)
                .min(Comparator.comparing(ImportOffer::unitPrice)
                        .thenComparing(o -> o.deliverBy(today, quantity))
                        .thenComparing(ImportOffer::id));
    }
}
