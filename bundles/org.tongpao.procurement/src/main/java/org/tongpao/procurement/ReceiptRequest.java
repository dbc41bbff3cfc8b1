package org.tongpao.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.Size;

/**
 * A delivery received against an order, line by line. {@code receivedOn} defaults to today; {@code exchangeRate}
 * (CNY per unit of the order's currency, at payment) defaults to the order's recorded rate.
 */
public record ReceiptRequest(@Size(max = 100) String deliveryNote, LocalDate receivedOn, BigDecimal exchangeRate,
        @Size(max = 500) String note, @NotEmpty @Size(max = 200) List<@Valid ReceiptLineRequest> lines) {
}
