package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.donation.DonationSnapshot;

/**
 * An erased donor's donations keep their goods, quantities and statuses, but not the free text officers typed about
 * them (a note, a cancellation reason, a delivery note, a reject reason or disposition note): such text may name the
 * donor or their contact in any words, so it is replaced whole, not searched. The audit trail's snapshots of those
 * donations and receipts lose the same fields, and the answers kept with Idempotency-Keys that carried them go.
 */
final class NoteErasure {
    /** What an erased note reads afterwards (fits the shortest free-text column, 100 characters). */
    static final String ERASED = "[随捐赠人信息删除 erased with the donor's data]";
    /** The free-text fields of donations and receipts, as the audit snapshots name them. */
    static final Set<String> FIELDS = Set.of("note", "cancelReason", "deliveryNote", "rejectReason", "dispositionNote");

    private NoteErasure() {
    }

    /** Erases the free text of the donations of {@code donorId} kept on this node, in the caller's transaction. */
    static void erase(DonationContext ctx, Connection c, long donorId) throws SQLException {
        List<String> donations = Jdbc.query(c, "SELECT id FROM tp_don_donation WHERE donor_id = ?", args(donorId),
                rs -> String.valueOf(rs.getLong(1)));
        List<String> receipts = Jdbc.query(c, "SELECT r.id FROM tp_don_receipt r JOIN tp_don_donation d "
                + "ON d.id = r.donation_id WHERE d.donor_id = ?", args(donorId), rs -> String.valueOf(rs.getLong(1)));
        Jdbc.update(c, "UPDATE tp_don_donation SET note = " + erased("note") + ", cancel_reason = "
                + erased("cancel_reason") + " WHERE donor_id = ?", args(ERASED, ERASED, donorId));
        Jdbc.update(c, "UPDATE tp_don_receipt SET note = " + erased("note") + ", delivery_note = "
                + erased("delivery_note") + " WHERE donation_id IN (SELECT id FROM tp_don_donation WHERE donor_id = ?)",
                args(ERASED, ERASED, donorId));
        Jdbc.update(c, "UPDATE tp_don_receipt_line SET reject_reason = " + erased("reject_reason")
                + ", disposition_note = " + erased("disposition_note") + " WHERE receipt_id IN (SELECT r.id FROM "
                + "tp_don_receipt r JOIN tp_don_donation d ON d.id = r.donation_id WHERE d.donor_id = ?)",
                args(ERASED, ERASED, donorId));
        ctx.audit.redact(c, Pledges.ENTITY, donations, FIELDS, ERASED);
        ctx.audit.redact(c, Intake.ENTITY, receipts, FIELDS, ERASED);
        ctx.keys.forgetAnswers(c, Intake.ENTITY, receipts);
    }

    /**
     * A copy of another node's donation whose snapshot arrives with its notes erased there: the copy's audit rows (the
     * earlier snapshots) lose them too.
     */
    static void eraseCopyAudit(DonationContext ctx, Connection c, long copyId) {
        ctx.audit.redact(c, Pledges.ENTITY, List.of(String.valueOf(copyId)), FIELDS, ERASED);
    }

    /** Whether a snapshot from another node carries notes erased there. */
    static boolean erasedIn(DonationSnapshot s) {
        return ERASED.equals(s.note()) || ERASED.equals(s.cancelReason()) || (s.receipts() != null && s.receipts()
                .stream().filter(r -> r.lines() != null).flatMap(r -> r.lines().stream())
                .anyMatch(l -> ERASED.equals(l.rejectReason())));
    }

    /** A free-text column's new value: the marker where there was text, null where there was none. */
    private static String erased(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE CAST(? AS VARCHAR(100)) END";
    }
}
