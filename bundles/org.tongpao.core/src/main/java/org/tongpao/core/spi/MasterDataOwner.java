package org.tongpao.core.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;
import org.tongpao.core.Caller;

/**
 * Which node owns this node's master data (org units, the catalogue, depots; allocation's key areas). Central
 * owns them; a provincial node federated with central takes them from it and does not edit them itself.
 * Federation implements this; without an implementation this node owns its master data. Core's org-unit,
 * catalogue and depot writes (and allocation's key-area writes) consult it first and refuse with a 409
 * naming the owner.
 *
 * @since 1.3
 */
@ConsumerType
public interface MasterDataOwner {

    /**
     * The node that owns the master data when {@code writer} may not change it here ({@code central}); empty
     * when the write may proceed: this node owns its master data, or {@code writer} is the owner's own link
     * applying the owner's change.
     */
    Optional<String> remoteOwner(Caller writer);
}
