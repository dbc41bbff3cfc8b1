package org.tongpao.procurement;

import java.math.BigDecimal;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * A purchase order to draft: from a supplier, delivered to a depot of the buyer's province (any depot for the
 * ministry), paid from a budget line the buyer can see. {@code exchangeRate} is CNY per unit of {@code currency}
 * (required unless CNY). {@code emergency}: single source, expedited, approved in one step with a justification.
 * {@code channelId}: the procurement channel to place it through (optional).
 */
public record NewOrder(@NotNull Long supplierId, @NotNull Long depotId, @NotNull Long budgetLineId,
        @NotNull @Size(min = 3, max = 3) String currency, BigDecimal exchangeRate, boolean emergency,
        @Size(max = 1000) String justification, @Size(max = 64) String channelId, @Size(max = 500) String note,
        @NotEmpty @Size(max = 200) List<@Valid NewOrderLine> lines) {
}
