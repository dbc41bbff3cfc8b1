package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** An exchange rate as recorded: one unit of {@code currency} is worth {@code rate} CNY from {@code asOf} on. */
@io.swagger.v3.oas.annotations.media.Schema(name = "ImportExchangeRate")
public record RecordedRate(long id, String currency, BigDecimal rate, Instant asOf, String source, String recordedBy) {
}
