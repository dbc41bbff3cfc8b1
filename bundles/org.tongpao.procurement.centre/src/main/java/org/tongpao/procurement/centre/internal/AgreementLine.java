package org.tongpao.procurement.centre.internal;

import java.math.BigDecimal;

/** One item of a framework agreement: its price per unit (CNY) and the supplier's capacity per week. */
@io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkAgreementItem")
public record AgreementLine(String itemCode, BigDecimal unitPrice, Long capacityPerWeek) {
}
