package org.tongpao.donation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A donation as it stands on the node that keeps it, named by codes (items, depots, units), never by another
 * node's ids: what federation carries to central ({@code donation.changed}) and {@link DonationService#replicate}
 * stores there as a read-only copy. {@code id}, the receipts' ids and {@code lotId} are the keeping node's own;
 * {@code donorName} is the donor's name, or its anonymous label when the donor asked to stay anonymous or was
 * erased (no contact, no donor code ever leaves the node). {@code asOf} orders copies: the latest of the
 * donation's update, its receipts and its donor's erasure, so an older copy arriving late changes nothing.
 */
public record DonationSnapshot(long id, String number, long donorId, String donorName, DonorKind donorKind,
        String provinceCode, boolean pledged, DonationStatus status, LocalDate expectedDate,
        DesignationKind designationKind, String designationProvince, String designationUnitCode, String note,
        String cancelReason, String createdBy, Instant createdAt, Instant updatedAt, Instant asOf, List<Line> lines,
        List<Receipt> receipts) {

    /** A pledged (or received-unpledged) line and what was accepted and rejected against it. */
    public record Line(int lineNo, String itemCode, String description, long pledged, long accepted, long rejected) {
    }

    /** A delivery: its acknowledgement number (null when nothing was accepted) and its inspected lines. */
    public record Receipt(long id, String acknowledgementNumber, String depotCode, LocalDate receivedOn,
            String receivedBy, Instant receivedAt, List<ReceiptLine> lines) {
    }

    /** One inspected line: the outcome of the inspection and the keeping node's lot its accepted goods became. */
    public record ReceiptLine(int lineNo, String itemCode, Priority priority, String standard,
            boolean standardMatched, boolean certificatePresent, String certificateNumber, LocalDate expiryDate,
            boolean packagingIntact, long accepted, long rejected, String rejectReason, Disposition disposition,
            Long lotId) {
    }
}
