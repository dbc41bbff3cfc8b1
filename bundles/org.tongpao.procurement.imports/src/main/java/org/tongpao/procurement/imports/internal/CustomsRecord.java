package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** One customs step of an order as the officer recorded it (duties in CNY on DUTIES_PAID). */
@io.swagger.v3.oas.annotations.media.Schema(name = "ImportCustomsStep")
public record CustomsRecord(CustomsStep step, Instant at, String reference, BigDecimal dutiesCny, String note,
        String officer) {
}
