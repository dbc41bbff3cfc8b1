package org.tongpao.procurement.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An import order: its amount in the supplier's currency, the rate at order (fixed when placed) and its CNY value,
 * the rate at payment and its CNY value once paid, and the difference the rate made; its customs steps, papers and
 * certificates, and its progress.
 */
public record ImportOrder(long id, String orderRef, String buyerProvince, String deliverTo, String currency,
        Incoterm incoterm, BigDecimal amount, BigDecimal rateAtOrder, Instant rateAtOrderAsOf, BigDecimal cnyAtOrder,
        BigDecimal rateAtPayment, Instant rateAtPaymentAsOf, BigDecimal cnyAtPayment, BigDecimal exchangeDifferenceCny,
        Instant paidAt, String paidBy, BigDecimal dutiesCny, ImportStatus status, LocalDate promisedDate, String placedBy,
        Instant placedAt, long version, List<ImportOrderLine> lines, List<CustomsRecord> customs,
        List<ImportDocument> documents, List<Certification> certifications, List<ImportEvent> events) {

    ImportOrder with(List<ImportOrderLine> l, List<CustomsRecord> c, List<ImportDocument> d, List<Certification> cert,
            List<ImportEvent> e) {
        return new ImportOrder(id, orderRef, buyerProvince, deliverTo, currency, incoterm, amount, rateAtOrder,
                rateAtOrderAsOf, cnyAtOrder, rateAtPayment, rateAtPaymentAsOf, cnyAtPayment, exchangeDifferenceCny, paidAt,
                paidBy, dutiesCny, status, promisedDate, placedBy, placedAt, version, l, c, d, cert, e);
    }
}
