package org.example.jinghua.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The factory's price for a quantity of one SKU: per piece and in total (CNY), when it can ship, how long the offer stands. */
public record Quotation(String quotationNo, String sku, long quantity, BigDecimal unitPrice, BigDecimal total,
        int leadDays, LocalDate earliestDispatch, Instant validUntil) {
}
