package org.tongpao.procurement.centre.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A framework agreement with one qualified supplier, as stored: valid from/until (both days included), normal
 * and expedited lead times in days, the items it covers with their prices.
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "FrameworkAgreement")
public record Agreement(long id, String code, String supplierCode, String supplierName, LocalDate validFrom,
        LocalDate validUntil, int leadDays, int expeditedLeadDays, String currency, Status status, String withdrawnReason,
        List<AgreementLine> items, String createdBy, Instant createdAt, long version) {

    public enum Status { ACTIVE, WITHDRAWN }

    /** Active and {@code day} within its validity. */
    public boolean validOn(LocalDate day) {
        return status == Status.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Its line for the item, if it covers it. */
    public Optional<AgreementLine> line(String itemCode) {
        return items.stream().filter(l -> l.itemCode().equals(itemCode)).findFirst();
    }

    Agreement withItems(List<AgreementLine> lines) {
        return new Agreement(id, code, supplierCode, supplierName, validFrom, validUntil, leadDays, expeditedLeadDays,
                currency, status, withdrawnReason, lines, createdBy, createdAt, version);
    }
}
