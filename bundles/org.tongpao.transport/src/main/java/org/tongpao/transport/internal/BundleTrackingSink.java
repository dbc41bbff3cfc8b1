package org.tongpao.transport.internal;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingSink;

/**
 * The {@link TrackingSink} each carrier bundle gets (bundle scope: one instance per using bundle), which
 * takes events only for the carriers that bundle registered itself.
 */
@Component(service = TrackingSink.class, scope = ServiceScope.BUNDLE)
public class BundleTrackingSink implements TrackingSink {
    private final JdbcTransportService transport;
    private final CarrierRegistry registry;
    private final Bundle user;

    @Activate
    public BundleTrackingSink(@Reference JdbcTransportService transport, @Reference CarrierRegistry registry,
            ComponentContext context) {
        this.transport = transport;
        this.registry = registry;
        this.user = context.getUsingBundle();
    }

    @Override
    public int publish(String carrierId, List<TrackingEvent> events) {
        Long owner = registry.owner(carrierId).orElse(null);
        if (owner == null || user == null || owner != user.getBundleId()) {
            throw new IllegalArgumentException("carrier " + carrierId + " is not registered by bundle "
                    + (user == null ? "?" : user.getSymbolicName()));
        }
        try {
            return transport.pushFromBundle(carrierId, List.copyOf(events)).accepted();
        } catch (org.tongpao.core.TongpaoException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
