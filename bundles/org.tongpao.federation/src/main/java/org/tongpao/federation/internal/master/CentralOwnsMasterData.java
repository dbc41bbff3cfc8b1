package org.tongpao.federation.internal.master;

import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.MasterDataOwner;
import org.tongpao.federation.Federation;

/**
 * On a provincial node federated with central (configuration {@code org.tongpao.federation} with a
 * {@code broker}): central owns the org units, catalogue, depots and key areas, so a local edit is refused with a
 * 409 naming central; only central's link ({@code node:central}) writes them here. Central, and a province with
 * no broker configured, keep editing their own.
 */
@Component(configurationPid = "org.tongpao.federation", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class CentralOwnsMasterData implements MasterDataOwner {
    private final boolean federatedProvince;

    @Activate
    public CentralOwnsMasterData(@Reference NodeIdentity node, Map<String, Object> config) {
        Object broker = config.get("broker");
        this.federatedProvince = !node.isCentral() && broker != null && !broker.toString().isBlank();
    }

    @Override
    public Optional<String> remoteOwner(Caller writer) {
        if (!federatedProvince || MasterData.CENTRAL_LINK.equals(writer.user())) {
            return Optional.empty();
        }
        return Optional.of(Federation.CENTRAL);
    }
}
