package org.tongpao.procurement.imports.internal;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
 * Registers one import channel per currency with current offers ({@code import-krw}, ...), again whenever the offers
 * change (the platform keeps a channel's offer while its service stays registered), and pushes each progress step to
 * the platform's {@link ProgressSink} when there is one (the platform also pulls).
 */
@Component(immediate = true)
public class ImportChannelPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ImportChannelPublisher.class);

    private final BundleContext context;
    private final ImportBase base;
    private final ImportOffers offers;
    private final ImportOrders orders;
    private final Runnable onChange = this::publish;
    private final ImportBase.ImportProgressListener onProgress = this::push;
    private final Map<String, ServiceRegistration<Channel>> registrations = new HashMap<>();
    private final Map<String, ImportChannel> channels = new HashMap<>();
    private volatile ProgressSink sink;

    @Activate
    public ImportChannelPublisher(BundleContext context, @Reference ImportBase base, @Reference ImportOffers offers,
            @Reference ImportOrders orders) {
        this.context = context;
        this.base = base;
        this.offers = offers;
        this.orders = orders;
        base.onOffersChanged(onChange);
        base.onProgress(onProgress);
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
        base.removeOnOffersChanged(onChange);
        base.removeOnProgress(onProgress);
        unregisterAll();
    }

    synchronized void publish() {
        unregisterAll();
        List<ImportOffer> current = offers.current();
        for (String currency : new TreeSet<>(current.stream().map(ImportOffer::currency).toList())) {
            ImportChannel channel = new ImportChannel(currency, base, offers, orders, current);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(Channel.ID_PROPERTY, ImportChannel.id(currency));
            registrations.put(currency, context.registerService(Channel.class, channel, props));
            channels.put(currency, channel);
            LOG.info("Import channel {} registered with {} offer lines", ImportChannel.id(currency),
                    channel.offer().lines().size());
        }
    }

    private void unregisterAll() {
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
        channels.clear();
    }

    private void push(ImportEvent event, String currency) {
        ProgressSink s = sink;
        ImportChannel channel;
        synchronized (this) {
            channel = channels.get(currency);
        }
        if (s == null || channel == null) {
            return; // the platform pulls it
        }
        try {
            s.publish(ImportChannel.id(currency), List.of(channel.event(event)));
        } catch (RuntimeException e) {
            // not lost: the platform's next pull of the event table brings it
            LOG.warn("Pushing progress of import order {} failed; the platform's pull will bring it", event.orderId(), e);
        }
    }
}
