package org.tongpao.inventory.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.LedgerOwners;
import org.tongpao.inventory.CrossNodeTransferListener;

/**
 * Which node keeps a depot's ledger, as far as this node knows, and who listens to cross-node transfers; the
 * component binds these services (all optional: without federation this node keeps every ledger it holds).
 */
final class Ownership {
    private volatile NodeIdentity node;
    private volatile LedgerOwners owners;
    final List<CrossNodeTransferListener> listeners = new CopyOnWriteArrayList<>();

    void node(NodeIdentity node) {
        this.node = node;
    }

    void owners(LedgerOwners owners) {
        this.owners = owners;
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
     * The node keeping the ledgers of a depot in {@code provinceCode} when it is not this one; empty without
     * federation (an island keeps everything it holds). On a provincial node a depot outside its province is
     * central's to route when federation names no owner: central keeps it, or forwards to the node that does.
     */
    Optional<String> remoteOwner(String provinceCode) {
        LedgerOwners o = owners;
        if (o == null) {
            return Optional.empty();
        }
        if (provinceCode == null) {
            // a national depot (the central reserve) is central's
            return isCentral() ? Optional.empty() : Optional.of("central");
        }
        Optional<String> known = o.remoteOwner(provinceCode);
        if (known.isPresent() || isCentral()) {
            return known;
        }
        String own = node.provinceCode().orElse(null);
        return own != null && own.equals(provinceCode) ? Optional.empty() : Optional.of("central");
    }
}
