package org.tongpao.donation.internal;

import java.time.LocalDate;
import org.tongpao.core.Checks;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.Disposition;
import org.tongpao.donation.NewReceiptLine;
import org.tongpao.donation.Priority;

/**
 * The inspection rules of one received line, before anything is written (400 naming the line's field):
 * <ul>
 * <li>a priority (triage) is given; accepted and rejected are not negative and not both zero;</li>
 * <li>goods are accepted only when they match the standard, carry a certificate, are intact and not expired on
 * the day they arrive; whatever fails that is rejected;</li>
 * <li>a rejected quantity has a reason and a disposition (OTHER explained in {@code dispositionNote}); a line
 * without rejected goods names neither.</li>
 * </ul>
 */
final class Inspection {

    private Inspection() {
    }

    /** A line that passed the rules, with its texts trimmed. */
    record Checked(NewReceiptLine given, Priority priority, String standard, String certificateNumber,
            long accepted, long rejected, String rejectReason, Disposition disposition, String dispositionNote) {
    }

    static Checked check(String at, NewReceiptLine l, LocalDate receivedOn) {
        if (l == null) {
            throw new ValidationException(at.substring(0, at.length() - 1), "a line is an object");
        }
        Priority priority = Checks.required(at + "priority", l.priority());
        long accepted = Checks.notNegative(at + "acceptedQuantity", l.acceptedQuantity());
        long rejected = Checks.notNegative(at + "rejectedQuantity", l.rejectedQuantity());
        if (accepted + rejected == 0) {
            throw new ValidationException(at + "acceptedQuantity", "a line accepts or rejects something");
        }
        boolean standardMatched = Checks.required(at + "standardMatched", l.standardMatched());
        boolean certificatePresent = Checks.required(at + "certificatePresent", l.certificatePresent());
        boolean packagingIntact = Checks.required(at + "packagingIntact", l.packagingIntact());
        String standard = Checks.optionalText(at + "standard", l.standard(), 64);
        String certificate = Checks.optionalText(at + "certificateNumber", l.certificateNumber(), 100);
        if (accepted > 0) {
            if (!standardMatched) {
                throw new ValidationException(at + "acceptedQuantity", "goods that do not match the standard are "
                        + "rejected, not accepted");
            }
            if (!certificatePresent) {
                throw new ValidationException(at + "acceptedQuantity", "goods without a certificate are rejected, "
                        + "not accepted");
            }
            if (!packagingIntact) {
                throw new ValidationException(at + "acceptedQuantity", "goods with damaged packaging are rejected, "
                        + "not accepted");
            }
            if (l.expiryDate() != null && !l.expiryDate().isAfter(receivedOn)) {
                throw new ValidationException(at + "expiryDate", "expired goods are rejected, not accepted");
            }
        }
        String reason = Checks.optionalText(at + "rejectReason", l.rejectReason(), 300);
        String note = Checks.optionalText(at + "dispositionNote", l.dispositionNote(), 300);
        if (rejected > 0) {
            if (reason == null) {
                throw new ValidationException(at + "rejectReason", "a rejected quantity needs its reason");
            }
            if (l.disposition() == null) {
                throw new ValidationException(at + "disposition", "say what became of the rejected goods: "
                        + "RETURNED_TO_DONOR, DESTROYED, PASSED_TO_HOSPITAL or OTHER");
            }
            if (l.disposition() == Disposition.OTHER && note == null) {
                throw new ValidationException(at + "dispositionNote", "disposition OTHER needs a dispositionNote");
            }
        } else if (reason != null || l.disposition() != null) {
            throw new ValidationException(at + "rejectReason", "nothing was rejected on this line");
        }
        return new Checked(l, priority, standard, certificate, accepted, rejected, reason, l.disposition(), note);
    }
}
