package org.tongpao.donation;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Donation intake. Writes take an Idempotency-Key (null: none) and run in one transaction with their audit row and
 * event; a receipt's lots are booked through the inventory in that same transaction. Readers: ministry roles,
 * auditors, donation officers and province officers (a province's: its province's donations only, others are
 * 404); writers: donation officers (a province's: its own) and the ministry admin.
 */
@ProviderType
public interface DonationService {

    Donor registerDonor(Caller caller, NewDonor donor, String idempotencyKey);

    Donor donor(Caller caller, long donorId);

    Page<Donor> donors(Caller caller, int limit, String cursor);

    /**
     * Erases a donor's personal data on request: contact wiped, name replaced by an anonymous label, the record and
     * its donations kept; audited (with the reason, never the erased data).
     */
    Donor eraseDonor(Caller caller, long donorId, String reason, String idempotencyKey);

    Donation pledge(Caller caller, NewPledge pledge, String idempotencyKey);

    Donation donation(Caller caller, long donationId);

    Page<Donation> donations(Caller caller, DonationFilter filter, int limit, String cursor);

    /** Cancels what is still outstanding of a pledge (what was received stays); 409 once RECEIVED or CANCELLED. */
    Donation cancel(Caller caller, long donationId, String reason, String idempotencyKey);

    /**
     * A new donor code for the donation (the former one stops working): printed, once, on the next acknowledgement
     * the donation's desk prints. Writers only. @since 1.1
     */
    Donation reissueDonorCode(Caller caller, long donationId, String reason, String idempotencyKey);

    /** Goods received against a pledge, inspected line by line; accepted quantities become lots. */
    DonationReceipt receive(Caller caller, long donationId, NewDonationReceipt receipt, String idempotencyKey);

    /** Goods that arrived without a pledge: a donation RECEIVED from the start, with this receipt. */
    DonationReceipt receiveUnpledged(Caller caller, NewDonationReceipt receipt, String idempotencyKey);

    DonationReceipt receipt(Caller caller, long receiptId);

    List<DonationReceipt> receipts(Caller caller, long donationId);

    /**
     * The receipt's numbered acknowledgement as a PDF in Chinese and English; 409 when nothing was accepted (no
     * number). {@code publicBaseUrl} (e.g. {@code https://host/api/v1}) makes the QR code of the public look-up.
     */
    Acknowledgement acknowledgement(Caller caller, long receiptId, String publicBaseUrl);

    /**
     * From the donation through every lot it became (split over transfers, batches and shipments) to the units that
     * received the goods; visible to whoever may read the donation, wherever the goods went since.
     */
    DonationTrace trace(Caller caller, long donationId);

    /**
     * {@link #trace(Caller, long)} a page at a time: at most {@code limit} (1..500) inventory lots per page over the
     * donation's lots in receipt order, {@code DonationTrace.nextCursor} for the next page. What REST answers, so a
     * donation whose goods were split into thousands of lots is read in pages rather than refused. @since 1.1
     */
    DonationTrace trace(Caller caller, long donationId, int limit, String cursor);

    /**
     * The reverse of the trace: what an org unit received for use that came from donations, newest first, each with
     * its donation and donor; 404 when the unit is outside the caller's reach. Keyset-paged by the unit's movements
     * (a page may hold fewer rows than asked, when other goods were among them).
     */
    Page<UnitDonation> receivedBy(Caller caller, long orgUnitId, int limit, String cursor);

    /**
     * Donations by province × item category for reports ({@link DonationSummary}), the caller's donations only (a
     * province's readers: their province's). {@code from}/{@code to}: the period [from, to) of pledges, receipts
     * and onward movements; null for no bound. Since receipts and movements never change, the same period gives the
     * same figures on any later call. @since 1.1
     */
    List<DonationSummary> summary(Caller caller, java.time.Instant from, java.time.Instant to);

    /** No login: the donation a donor code belongs to, where its goods went; 404 for an unknown code. */
    PublicDonation publicDonation(String donorCode);

    /** No login: the public disclosure list, newest donation first. */
    Page<DisclosureEntry> disclosure(int limit, String cursor);

    /**
     * The donation as it stands, for federation: read on {@code c}, the connection of the transaction recording the
     * change (an {@code EventForwarder}'s), so the copy sent leaves with the change. Empty for an unknown id or a
     * donation that is itself a copy of another node's. @since 1.1
     */
    java.util.Optional<DonationSnapshot> snapshot(java.sql.Connection c, long donationId);

    /** The snapshots of a donor's own donations on {@code c} (after an erasure, copies elsewhere follow). @since 1.1 */
    List<DonationSnapshot> snapshotsOfDonor(java.sql.Connection c, long donorId);

    /**
     * Stores another node's donation as a read-only copy ({@code source} {@code <node>/<id>}), replacing an older
     * one; a copy older than (or as old as) the stored one changes nothing. The caller is the node's link: it needs
     * write scope on the donation's province and every receipt's depot (a depot of another province is a 404 naming
     * {@code depotCode}); items, depots and units are looked up by code. Writes to the copy here are a 409 naming
     * the node. Joins an enclosing transaction (federation's inbox). @since 1.1
     */
    Donation replicate(Caller caller, String node, DonationSnapshot snapshot);

    /**
     * At central: the read-only copies kept of {@code node}'s donations, as that node sent them (its ids, numbers and
     * acknowledgement numbers, its donor ids, its lot ids; {@code Receipt.id} is 0: a copy does not keep it),
     * keyset-paged by the node's donation id, {@code limit} 1..500. The ministry's readers only: what a rebuild of
     * that node reads ({@link #restore}). @since 1.2
     */
    Page<DonationSnapshot> replicasOf(Caller caller, String node, int limit, String cursor);

    /** At central: how many copies of {@code node}'s donations are kept here (the ministry's readers). @since 1.2 */
    long replicaCount(Caller caller, String node);

    /**
     * At a node rebuilt from central: its own donations restored from central's copies ({@link #replicasOf}) under
     * their ids, numbers and acknowledgement numbers, their donors under their ids (the name or anonymous label the
     * copy carries; contact details and donor codes never left the node and are not restored: a new code is
     * {@link #reissueDonorCode}), receipt lines naming the node's own lots again; receipts get new ids. A donation
     * already here is left alone (a resumed rebuild re-applies a page). Nothing is announced (no events: central has
     * it all). The node's donor, donation and acknowledgement numbering continue above every restored one. The
     * ministry admin (the rebuild runs as central); joins an enclosing transaction. @since 1.2
     */
    List<Donation> restore(Caller caller, List<DonationSnapshot> snapshots);
}
