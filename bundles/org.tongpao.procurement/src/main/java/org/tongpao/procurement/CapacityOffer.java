package org.tongpao.procurement;

import java.time.LocalDate;

/**
 * One supplier's answer to "how much of this item by when": from {@code firstDelivery} (today plus its lead
 * time) it makes {@code weeklyCapacity} a week; {@code onOrder} is what open orders already take of that
 * capacity; {@code availableBy} what it can still deliver by the date asked (never negative).
 */
public record CapacityOffer(long supplierId, String supplierCode, String supplierName, String country,
        String standard, long weeklyCapacity, int leadTimeDays, LocalDate firstDelivery, long onOrder,
        long availableBy) {
}
