package org.tongpao.funding;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;

/**
 * Budget lines and the commitments on them.
 *
 * <p><b>Inside another bundle's transaction.</b> {@link #commit}, {@link #spend} and {@link #release} write
 * through {@code Transactions.write} on the platform DataSource; called inside the caller's
 * {@code Transactions.enclosing(ds, …)} they join it (under a savepoint): an order's approval and its
 * commitment commit or roll back together, and a refusal (409) leaves the caller's transaction usable.
 *
 * <p><b>Retries.</b> {@code reference} identifies a commitment (unique across lines, e.g.
 * {@code procurement:order:PO-2026-0017}); a repeated commit with the same reference, line and amount returns
 * the existing commitment and commits nothing more; with another line or amount it is a 409 naming
 * {@code reference}. Spends and releases are idempotent on their own reference within the commitment.
 *
 * <p><b>Concurrency.</b> A commitment takes the line's row lock for the length of the transaction: two
 * approvals racing for the last of a line are decided one after the other, exactly one wins; commitments on
 * different lines do not wait for each other.
 *
 * <p><b>Scope.</b> Ministry roles, national finance (no province) and auditors (read only) reach every line; a
 * caller bound to a province reaches that province's lines only (another line is a 404). Auditors change
 * nothing (403).
 */
@ProviderType
public interface FundingService {

    /** Opens a budget line (finance or ministry admin; a province's finance for its own province only). */
    BudgetLine createLine(Caller caller, NewBudgetLine line, String idempotencyKey);

    /** Tops a line up or cuts it (never below committed + spent: 409 naming {@code delta}). */
    BudgetLine adjustLine(Caller caller, long lineId, BudgetAdjustment adjustment, String idempotencyKey);

    BudgetLine line(Caller caller, long lineId);

    /** The line with this code, if the caller can see it. */
    BudgetLine lineByCode(Caller caller, String code);

    /** Lines the caller can see, by id. */
    Page<BudgetLine> lines(Caller caller, LineFilter filter, int limit, String cursor);

    /**
     * Commits {@code amount} on the line: in CNY as it is, in another currency converted with {@code rate}
     * (required then, from that currency to CNY; recorded with the commitment). More than the line's available
     * amount is a 409 naming {@code amount}, and nothing is committed.
     *
     * @param reference   the caller's unique reference for this commitment (its idempotency key)
     * @param description what it is for (optional, ≤ 500 characters)
     */
    Commitment commit(Caller caller, long lineId, Money amount, ExchangeRate rate, String reference,
            String description);

    /**
     * Turns (part of) a commitment into spend: {@code amount} is paid, in the commitment's original currency,
     * converted at {@code rate} (the rate at payment; null for CNY). At most what of the commitment is still
     * open ({@link Commitment#originalOpen}); beyond it only with {@code beyondCommitment}, the excess then
     * drawn from the line's available amount (409 naming {@code amount} when that is short too).
     *
     * @param receiptReference the receipt's or invoice's reference: a repeat with it changes nothing
     */
    Commitment spend(Caller caller, String reference, Money amount, ExchangeRate rate, String receiptReference,
            boolean beyondCommitment);

    /**
     * Gives back what of a commitment is still open (a cancelled order, a cancelled order line): all of it
     * when {@code amount} is null, else {@code amount} of the original currency (at most what is open).
     *
     * @param releaseReference the cancellation's reference: a repeat with it changes nothing
     */
    Commitment release(Caller caller, String reference, Money amount, String releaseReference, String reason);

    Commitment commitment(Caller caller, String reference);

    /** The commitments on a line, oldest first. */
    Page<Commitment> commitments(Caller caller, long lineId, int limit, String cursor);

    /**
     * Budget vs committed vs spent over the lines the caller can see and {@code filter} selects, grouped by
     * {@code groups} (all three when empty), one row per group.
     */
    List<FundingSummary> summary(Caller caller, LineFilter filter, Set<SummaryGroup> groups);

    /**
     * Stores a line another node keeps as a read-only copy: {@code line} as it stands there ({@code id} its id
     * there, amounts and {@code version} its own), replacing an older copy; one with a version not above the stored
     * one changes nothing. The caller is the node's federation link: it needs write scope on the line's holder (a
     * province's link sends its province's lines only). The copy's code is {@code <node>/<code>}; adjusting or
     * committing on it here is a 409 naming the node. Joins an enclosing transaction (the inbox's). @since 1.1
     */
    BudgetLine replicate(Caller caller, String node, BudgetLine line, java.time.Instant asOf);
}
