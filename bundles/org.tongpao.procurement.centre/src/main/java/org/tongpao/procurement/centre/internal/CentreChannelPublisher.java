package org.tongpao.procurement.centre.internal;

import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ProgressSink;

/**
 * Registers the centre as the channel {@value CentreChannel#ID} while it has agreements to offer, and again whenever
 * they change (the platform keeps a channel's offer while its service stays registered). Pushes each step the
 * centre's officers report to the platform's {@link ProgressSink} when there is one; the platform also pulls.
 */
@Component(immediate = true)
public class CentreChannelPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(CentreChannelPublisher.class);

    private final BundleContext context;
    private final Agreements agreements;
    private final CentreOrders orders;
    private final Runnable onChange = this::publish;
    private final CentreOrders.ProgressListener onProgress = this::push;
    private volatile ProgressSink sink;
    private ServiceRegistration<Channel> registration;

    @Activate
    public CentreChannelPublisher(BundleContext context, @Reference Agreements agreements, @Reference CentreOrders orders) {
        this.context = context;
        this.agreements = agreements;
        this.orders = orders;
        agreements.onChange(onChange);
        orders.listen(onProgress);
        publish();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSink(ProgressSink s) {
        sink = s;
    }

    void unbindSink(ProgressSink s) {
        if (sink == s) {
            sink = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        agreements.removeOnChange(onChange);
        orders.unlisten(onProgress);
        unregister();
    }

    /** (Re-)registers the channel with the current offer, or leaves it unregistered while there is nothing to offer. */
    synchronized void publish() {
        unregister();
        List<Agreement> current = agreements.current();
        CentreChannel channel = new CentreChannel(agreements, orders, current);
        if (channel.offersSomething()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Channel.ID_PROPERTY, CentreChannel.ID);
            registration = context.registerService(Channel.class, channel, props);
            LOG.info("Procurement centre channel registered with {} agreements", current.size());
        }
    }

    private void unregister() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private void push(CentreOrder order, OrderEvent event) {
        ProgressSink s = sink;
        if (s == null) {
            return; // the platform pulls it
        }
        try {
            s.publish(CentreChannel.ID, List.of(CentreChannel.event(event)));
        } catch (RuntimeException e) {
            // not lost: the platform's next pull of the event table brings it
            LOG.warn("Pushing progress of centre order {} failed; the platform's pull will bring it", order.orderRef(), e);
        }
    }
}
