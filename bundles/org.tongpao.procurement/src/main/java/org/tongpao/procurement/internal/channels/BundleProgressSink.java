package org.tongpao.procurement.internal.channels;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressSink;

/**
 * The {@link ProgressSink} each channel bundle gets (bundle scope: one instance per using bundle), which takes
 * progress only for the channels that bundle registered itself.
 */
@Component(service = ProgressSink.class, scope = ServiceScope.BUNDLE)
public class BundleProgressSink implements ProgressSink {
    private final ChannelRegistry registry;
    private final ProgressIntake intake;
    private final Bundle user;

    @Activate
    public BundleProgressSink(@Reference ChannelRegistry registry, @Reference ProgressIntake intake, ComponentContext context) {
        this(registry, intake, context.getUsingBundle());
    }

    BundleProgressSink(ChannelRegistry registry, ProgressIntake intake, Bundle user) {
        this.registry = registry;
        this.intake = intake;
        this.user = user;
    }

    @Override
    public int publish(String channelId, List<ProgressEvent> events) {
        Long owner = registry.owner(channelId).orElse(null);
        if (owner == null || user == null || owner != user.getBundleId()) {
            throw new IllegalArgumentException("channel " + channelId + " is not registered by bundle "
                    + (user == null ? "?" : user.getSymbolicName()));
        }
        List<ProgressEvent> copy = List.copyOf(events);
        if (copy.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("events must hold at most " + MAX_EVENTS);
        }
        return intake.accept(channelId, copy, ProgressStore.Source.BUNDLE);
    }
}
