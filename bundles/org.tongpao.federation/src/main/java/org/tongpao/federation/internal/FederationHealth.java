package org.tongpao.federation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.spi.HealthContributor;

/**
 * Federation's part of {@code GET /health}: {@code checks.federation} is DOWN while a configured broker cannot be
 * reached, UP otherwise (connected, or no broker configured); never essential, since a node serves its users while
 * its link is away and catches up later. {@code details.federation} shows the state and each link (no broker
 * address: the report is public).
 */
@Component(service = HealthContributor.class)
public final class FederationHealth implements HealthContributor {
    private final FederationAdmin federation;

    @Activate
    public FederationHealth(@Reference FederationAdmin federation) {
        this.federation = federation;
    }

    @Override
    public String name() {
        return "federation";
    }

    @Override
    public Check check() {
        FederationStatus status = federation.status(Caller.system("health"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state());
        details.put("links", status.links());
        return new Check(!FederationStatus.DISCONNECTED.equals(status.state()), false, details);
    }
}
