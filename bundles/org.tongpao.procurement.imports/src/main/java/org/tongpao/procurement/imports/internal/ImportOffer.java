package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A foreign supplier's standing offer for one item: price in its currency, incoterm, lead time, weekly capacity. */
public record ImportOffer(long id, String code, String supplierName, String country, String itemCode, String currency,
        BigDecimal unitPrice, Incoterm incoterm, int leadDays, long capacityPerWeek, LocalDate validUntil, Status status,
        String createdBy, Instant createdAt, long version) {

    public enum Status { ACTIVE, WITHDRAWN }

    public boolean validOn(LocalDate day) {
        return status == Status.ACTIVE && !day.isAfter(validUntil);
    }

    /** The lead time covers the first week's capacity; each further week's adds a week. */
    public LocalDate deliverBy(LocalDate today, long quantity) {
        long weeks = (quantity + capacityPerWeek - 1) / capacityPerWeek;
        return today.plusDays(leadDays).plusWeeks(weeks - 1);
    }
}
