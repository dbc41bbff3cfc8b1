package org.tongpao.inventory;

import org.osgi.annotation.versioning.ProviderType;
import org.tongpao.core.Caller;

/**
 * This node's replicas of depots whose ledger another node keeps (federation: central keeps read-only replicas
 * of a federated province's depots). A replica changes only through {@link #apply}, never through
 * {@link StockLedger} or {@link InventoryService}, which refuse writes to such depots with a 409 naming the
 * owning node.
 *
 * @since 1.4
 */
@ProviderType
public interface ReplicaLedger {

    /**
     * Applies a posting made on {@code posting.node()} into this node's ledger of a depot that node keeps, in
     * one transaction (joining an enclosing one, e.g. federation's inbox): the lots are created (keyed by origin
     * node and remote lot id) or updated, the movements appended with the posting's own {@code occurredAt}, so
     * late, back-dated postings take their place in time, and the balances follow. The depot's replica is then
     * as of {@code occurredAt} (or later).
     *
     * <p>Refused, changing nothing: a depot or item unknown here, or a movement of a lot neither sent nor known
     * ({@link org.tongpao.core.ValidationException}); a depot outside {@code sender}'s write scope
     * ({@link org.tongpao.core.AccessDeniedException}); a depot whose ledger {@code posting.node()} does not keep,
     * or a movement that would make a balance negative ({@link org.tongpao.core.ConflictException}).
     *
     * @param sender the node the posting came from, as a caller (at central a province's link acts as that
     *               province's officer)
     * @return false when this posting (origin node, posting id, part) was applied before: nothing changed
     */
    boolean apply(Caller sender, ReplicaPosting posting);
}
