package org.tongpao.procurement;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.procurement.api.QuoteRequest;

/**
 * Suppliers, purchase orders and receipts against them. Every write runs in one transaction with its audit row,
 * its events (core's outbox) and its Idempotency-Key record; approval commits the order's amount on its budget
 * line, a receipt puts accepted goods into inventory and turns their amount into spend, a cancellation releases
 * the commitment — each in the same transaction as the order's state ({@code Transactions.enclosing}).
 *
 * <p>Scope: the ministry's procurement officers (role {@code procurement-officer} without a province) and the
 * ministry administrator act on every order; a province's buyer ({@code procurement-officer} + {@code
 * province-<code>}) on its province's orders only (another province's order is a 404). Ministry officers,
 * auditors read everything; province officers read their province's orders; depot keepers those delivered to
 * their depot and receive them.
 */
@ProviderType
public interface ProcurementService {

    Supplier createSupplier(Caller caller, NewSupplier supplier, String idempotencyKey);

    Supplier supplier(Caller caller, long supplierId);

    Page<Supplier> suppliers(Caller caller, Long itemId, int limit, String cursor);

    /** For an item, which suppliers can deliver how much by {@code by}: most first. */
    List<CapacityOffer> capacity(Caller caller, long itemId, LocalDate by);

    PurchaseOrder createOrder(Caller caller, NewOrder order, String idempotencyKey);

    PurchaseOrder order(Caller caller, long orderId);

    Page<PurchaseOrder> orders(Caller caller, OrderFilter filter, int limit, String cursor);

    /**
     * Changes a DRAFT order's header and lines (the body replaces them, as when drafting); {@code expectedVersion} is
     * the order's {@code version} as the caller read it (required, null is a 400 naming {@code If-Match} once the ids
     * named are found): another version is a {@code StaleVersionException} (412 over REST), an order past DRAFT a 409
     * naming {@code status}. Audited with the order before and after.
     *
     * @since 1.1
     */
    PurchaseOrder updateDraft(Caller caller, long orderId, Long expectedVersion, NewOrder order, String idempotencyKey);

    /**
     * Asks a channel for a quote (outside any transaction) and stores its answer; a province's buyer asks for its own
     * province only. The channel refusing, failing or not installed is a 409 naming {@code channelId}.
     *
     * @since 1.1
     */
    StoredQuote requestQuote(Caller caller, String channelId, QuoteRequest request, String idempotencyKey);

    /** A stored quote, if the caller may read it (a province's buyer: its province's). @since 1.1 */
    StoredQuote quote(Caller caller, long quoteId);

    /**
     * The stored quotes the caller may read (scoped as {@link #quote}), newest last, paged by id; filtered by channel,
     * {@link QuoteStatus} (as of now) and buying province.
     *
     * @since 1.2
     */
    Page<StoredQuote> quotes(Caller caller, QuoteFilter filter, int limit, String cursor);

    /**
     * Drafts a purchase order from a stored quote: its lines (item, quantity, unit price, promised date = the date
     * quoted), currency, channel, quote reference and emergency flag, with the supplier, depot, budget line and rate
     * of {@code order}. A quote becomes one order only (409 naming {@code quoteId}); an expired one is a 409 naming
     * {@code validUntil}.
     *
     * @since 1.1
     */
    PurchaseOrder orderFromQuote(Caller caller, long quoteId, QuoteOrder order, String idempotencyKey);

    PurchaseOrder submit(Caller caller, long orderId, String idempotencyKey);

    /**
     * Records the caller's approval. A normal order needs two, by two different people: the first leaves it
     * SUBMITTED, the second makes it APPROVED. An emergency order is APPROVED by one approval that carries a
     * {@code justification} (400 naming it otherwise). Becoming APPROVED commits the order's amount in CNY on its
     * budget line; more than the line has left is a 409 and nothing is recorded.
     */
    PurchaseOrder approve(Caller caller, long orderId, String justification, String idempotencyKey);

    /** Places an APPROVED order: through its channel when it names one, else as placed directly. */
    PurchaseOrder place(Caller caller, long orderId, String idempotencyKey);

    /** Cancels an order that is not yet fully received; its open commitment is released. */
    PurchaseOrder cancel(Caller caller, long orderId, String reason, String idempotencyKey);

    GoodsReceipt receive(Caller caller, long orderId, ReceiptRequest receipt, String idempotencyKey);

    List<GoodsReceipt> receipts(Caller caller, long orderId);

    List<OrderProgress> progress(Caller caller, long orderId);

    /**
     * The order as it stands, for federation: read on {@code c}, the connection of the transaction recording the
     * change (an {@code EventForwarder}'s), so the copy sent leaves with the change. Empty for an unknown id or an
     * order that is itself a copy. @since 1.1
     */
    java.util.Optional<OrderSnapshot> snapshot(java.sql.Connection c, long orderId);

    /**
     * Stores another node's order as a read-only copy keyed by (node, its id there), replacing one of a lower
     * version (an equal or lower one changes nothing). The caller is the node's link: it needs write scope on the
     * order's province and its depot's; items, depot and supplier are looked up by code (a supplier this node does
     * not know is copied). Writes to the copy here are a 409 naming the node. Joins an enclosing transaction.
     * @since 1.1
     */
    PurchaseOrder replicate(Caller caller, String node, OrderSnapshot snapshot);

    /**
     * At central: the highest id of {@code node}'s orders that a copy here is keyed by (0: none), and how many copies
     * of its orders are kept. The ministry's readers only: what a rebuild of that node reads, so its numbering
     * continues above ({@link #continueNumberingAbove}). @since 1.4
     */
    ReplicaNumbering replicaNumbering(Caller caller, String node);

    /**
     * At a node rebuilt from central: its next order is numbered above {@code orderId} (and above every order here).
     * Central keys the copies of this node's orders by their ids here, so a numbering restarted at 1 would give a new
     * order the key of an old one's copy (a higher version overwrites it there, a lower one is dropped). The ministry
     * admin (the rebuild runs as central); joins an enclosing transaction. @since 1.4
     */
    void continueNumberingAbove(Caller caller, long orderId);

    /** What central holds of a node's orders: the highest of their ids there and how many. @since 1.4 */
    record ReplicaNumbering(long maxOrderId, long orders) {
    }
}
