package org.tongpao.procurement.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Item;
import org.tongpao.core.ValidationException;
import org.tongpao.procurement.OrderLine;
import org.tongpao.procurement.ReceiptLineRequest;

/**
 * Inspection of one delivered order line against the item's standard: accepted goods carry the line's standard,
 * a certificate number, a production batch and (for items with a shelf life) an expiry date after the day of
 * receipt; rejected goods carry a reason; together they are at most what is still outstanding.
 */
final class ReceiptRules {

    /** A line that passed the checks, ready to book. */
    record Inspected(OrderLine line, long accepted, long rejected, String rejectReason, String standard,
            String certificateNumber, String productionBatch, LocalDate expiryDate, int daysLate) {
    }

    private ReceiptRules() {
    }

    /** @param at the field prefix of this line in the request, e.g. {@code lines[1].} */
    static Inspected inspect(String at, OrderLine line, ReceiptLineRequest r, Item item, LocalDate receivedOn) {
        long accepted = Checks.notNegative(at + "acceptedQuantity", r.acceptedQuantity());
        long rejected = r.rejectedQuantity() == null ? 0 : Checks.notNegative(at + "rejectedQuantity",
                r.rejectedQuantity());
        if (accepted + rejected == 0) {
            throw new ValidationException(at + "acceptedQuantity", "a receipt line accepts or rejects something");
        }
        if (accepted + rejected > line.outstanding()) {
            throw new ConflictException(at + "acceptedQuantity", "line " + line.lineNo() + " has "
                    + line.outstanding() + " outstanding; " + (accepted + rejected) + " were inspected");
        }
        String reason = Checks.optionalText(at + "rejectReason", r.rejectReason(), 500);
        if (rejected > 0 && reason == null) {
            throw new ValidationException(at + "rejectReason", "rejected goods need a reason");
        }
        String standard = Checks.optionalText(at + "standard", r.standard(), 64);
        String certificate = Checks.optionalText(at + "certificateNumber", r.certificateNumber(), 100);
        String batch = Checks.optionalText(at + "productionBatch", r.productionBatch(), 100);
        if (accepted > 0) {
            if (standard != null && line.standard() != null && !standard.equalsIgnoreCase(line.standard())) {
                throw new ValidationException(at + "standard", "goods certified to " + standard + " do not meet "
                        + line.standard() + ", which line " + line.lineNo() + " requires: reject them");
            }
            Checks.required(at + "certificateNumber", certificate);
            Checks.required(at + "productionBatch", batch);
        }
        LocalDate expiry = expiry(at, item, r.expiryDate(), accepted, receivedOn);
        int daysLate = (int) Math.max(0, ChronoUnit.DAYS.between(line.promisedDate(), receivedOn));
        return new Inspected(line, accepted, rejected, rejected > 0 ? reason : null,
                standard == null ? line.standard() : standard, certificate, batch, expiry, daysLate);
    }

    private static LocalDate expiry(String at, Item item, LocalDate expiry, long accepted, LocalDate receivedOn) {
        boolean shelfLife = item.shelfLifeMonths() != null;
        if (!shelfLife) {
            if (expiry != null) {
                throw new ValidationException(at + "expiryDate", "item " + item.code() + " has no shelf life");
            }
            return null;
        }
        if (accepted > 0 && expiry == null) {
            throw new ValidationException(at + "expiryDate", "item " + item.code() + " has a shelf life: the "
                    + "expiry date of the accepted goods is required");
        }
        if (expiry != null && !expiry.isAfter(receivedOn)) {
            throw new ValidationException(at + "expiryDate", "goods expiring on " + expiry + " cannot be accepted");
        }
        return expiry;
    }
}
