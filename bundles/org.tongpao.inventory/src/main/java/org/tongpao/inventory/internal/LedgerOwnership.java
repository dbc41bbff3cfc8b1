package org.tongpao.inventory.internal;

import java.util.Optional;
import org.tongpao.core.ConflictException;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.internal.Scope.DepotRef;

/**
 * Which depots' ledgers this node keeps: core's {@link LedgerOwners} (federation implements it), set and unset
 * by the component as the service comes and goes; without one this node keeps every ledger it holds. Every
 * write to a depot asks {@link #requireKeptHere} before it touches anything, so a refusal writes nothing.
 */
final class LedgerOwnership {
    private volatile LedgerOwners owners;

    synchronized void set(LedgerOwners owners) {
        this.owners = owners;
    }

    /** Unsets {@code gone} only if it is still the one in use (a replacement may have been set first). */
    synchronized void unset(LedgerOwners gone) {
        if (owners == gone) {
            owners = null;
        }
    }

    /** The node that keeps the depot's ledger when another one does; empty when this node keeps it. */
    Optional<String> remoteOwner(DepotRef depot) {
        return remoteOwner(depot.provinceCode());
    }

    /** The node that keeps the ledgers of the province's depots when another one does (null: the ministry's). */
    Optional<String> remoteOwner(String provinceCode) {
        LedgerOwners current = owners;
        return current == null ? Optional.empty() : current.remoteOwner(provinceCode);
    }

    /**
     * A write to {@code depot} happens on the node that keeps its ledger: elsewhere a 409 naming that node and
     * {@code field}, the request field that named the depot (null: the depot of a record addressed by id).
     */
    DepotRef requireKeptHere(DepotRef depot, String field) {
        Optional<String> owner = remoteOwner(depot);
        if (owner.isPresent()) {
            throw new ConflictException(field, "depot " + depot.code() + "'s ledger is kept by node " + owner.get()
                    + ": record it there");
        }
        return depot;
    }
}
