package org.tongpao.federation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongpao.federation.Federation;

/**
 * This node's place in the federation: its links and who keeps which province's ledgers. Central has one link per
 * configured province; a province has one link, to central.
 *
 * @param self      this node's id
 * @param provinces at central, the federated province codes (a province's own code is not listed here)
 */
record Topology(String self, Set<String> provinces) {

    /**
     * One link: the node at the other end, the queue this node sends to it on and the queue its messages arrive on.
     */
    record Link(String node, String outQueue, String inQueue) {
    }

    boolean central() {
        return central(self);
    }

    static boolean central(String node) {
        return Federation.CENTRAL.equals(node);
    }

    List<Link> links() {
        List<Link> links = new ArrayList<>();
        if (central()) {
            for (String code : provinces) {
                links.add(new Link(Nodes.province(code), Nodes.downQueue(code), Nodes.upQueue(code)));
            }
        } else {
            Nodes.provinceCode(self).ifPresent(code ->
                    links.add(new Link(Federation.CENTRAL, Nodes.upQueue(code), Nodes.downQueue(code))));
        }
        return links;
    }

    Optional<Link> link(String node) {
        return links().stream().filter(l -> l.node().equals(node)).findFirst();
    }

    /** The provincial nodes central knows; empty on a province. */
    List<String> provinceNodes() {
        return central() ? provinces.stream().map(Nodes::province).toList() : List.of();
    }

    /**
     * {@code LedgerOwners.remoteOwner}: at central a federated province's node; at a province central for every
     * other province, nobody for its own.
     */
    Optional<String> remoteOwner(String provinceCode) {
        if (provinceCode == null) {
            return Optional.empty();
        }
        if (central()) {
            return provinces.contains(provinceCode) ? Optional.of(Nodes.province(provinceCode)) : Optional.empty();
        }
        return Nodes.provinceCode(self).filter(own -> !own.equals(provinceCode)).map(own -> Federation.CENTRAL);
    }

    /** Checks that this node may send to {@code to}: central to a federated province, a province to central. */
    void checkRecipient(String to) {
        if (!Nodes.isNode(to)) {
            throw new IllegalArgumentException("to must be central or province:<code>: " + to);
        }
        if (link(to).isEmpty()) {
            throw new IllegalArgumentException(self + " has no link to " + to + (central()
                    ? " (not among the configured provinces " + provinces + ")"
                    : " (a province sends only to central, which forwards)"));
        }
    }
}
