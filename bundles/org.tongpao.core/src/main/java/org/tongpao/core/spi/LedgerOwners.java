package org.tongpao.core.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which node keeps the stock ledgers of a province's depots. Each depot's ledger lives on exactly one
 * node: a province that runs its own install keeps its depots' ledgers there, and the central install
 * holds read-only replicas of them. Federation implements this; without an implementation this node
 * keeps every ledger it holds. Bundles that write to a ledger (inventory, allocation) consult it and
 * refuse a write to a depot kept elsewhere with a 409 naming the owning node.
 *
 * @since 1.2
 */
@ConsumerType
public interface LedgerOwners {

    /**
     * The node that keeps the ledgers of the depots in {@code provinceCode} when that is another node
     * ({@code province:42}); empty when this node keeps them.
     */
    Optional<String> remoteOwner(String provinceCode);
}
