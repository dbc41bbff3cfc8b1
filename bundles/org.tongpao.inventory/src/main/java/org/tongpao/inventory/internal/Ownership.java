package org.tongpao.inventory.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpao.core.NodeIdentity;
import org.tongpao.inventory.CrossNodeTransferListener;

/**
 * For cross-node transfers: which node keeps a depot's ledger ({@link LedgerOwnership}, federation's answer),
 * this node's identity, and who listens; the component binds these services (all optional: without
 * federation this node keeps every ledger it holds).
 */
final class Ownership {
    private final LedgerOwnership owners;
    private volatile NodeIdentity node;
    final List<CrossNodeTransferListener> listeners = new CopyOnWriteArrayList<>();

    Ownership(LedgerOwnership owners) {
        this.owners = owners;
    }

    void node(NodeIdentity node) {
        this.node = node;
    }

    /** This node's id: {@code central} unless a node identity says otherwise. */
    String node() {
        NodeIdentity n = node;
        return n == null ? "central" : n.id();
    }

    boolean isCentral() {
        NodeIdentity n = node;
        return n == null || n.isCentral();
    }

    /**
     * The node keeping the ledgers of a depot in {@code provinceCode} when it is not this one; a national depot
     * (no province: the central reserve) is central's, seen from a federated province.
     */
    Optional<String> remoteOwner(String provinceCode) {
        if (provinceCode == null && !isCentral() && owners.federated()) {
            return Optional.of("central");
        }
        return owners.remoteOwner(provinceCode);
    }
}
