package org.tongpao.procurement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.core.Depot;
import org.tongpao.core.Item;

/** A new order after validation: every id looked up, every amount computed exactly. */
record OrderDraft(String provinceCode, long supplierId, Depot depot, long budgetLineId, String channelId,
        boolean emergency, String justification, String currency, BigDecimal exchangeRate, BigDecimal totalAmount,
        BigDecimal totalCny, String note, List<Line> lines) {

    record Line(int lineNo, Item item, String standard, long quantity, BigDecimal unitPrice, LocalDate promisedDate) {
    }
}
