package org.tongpao.procurement.internal.channels;

import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.tongpao.core.partners.PartnerCalls;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;

/**
 * The channels present right now (a whiteboard of {@link Channel} services that come and go), each called in
 * isolation through the platform's partner-call kit: its own bounded pool, a time limit per call.
 */
@Component(service = ChannelRegistry.class, configurationPid = ChannelRegistry.PID)
@Designate(ocd = ChannelsConfig.class)
public class ChannelRegistry {
    static final String PID = "org.tongpao.procurement.channels";
    static final Pattern ID = Pattern.compile(Channel.ID_PATTERN);

    private final PartnerCalls<Channel> channels = new PartnerCalls<>("channel", ID,
            t -> t instanceof ChannelException ce ? new PartnerCalls.Refusal(ce.getMessage(), ce.isRetryable()) : null);

    public ChannelRegistry() {
    }

    @Activate
    @Modified
    void configure(ChannelsConfig config) {
        channels.limits(new PartnerCalls.Limits(config.threadsPerChannel(), config.queuePerChannel(), config.callTimeoutMillis()));
    }

    @Deactivate
    void deactivate() {
        channels.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(ServiceReference<Channel> ref, Channel channel) {
        long bundle = ref.getBundle() == null ? -1 : ref.getBundle().getBundleId();
        add(ref.getProperty(Channel.ID_PROPERTY), channel, bundle, ref.getProperty(Constants.SERVICE_ID));
    }

    void removeChannel(ServiceReference<Channel> ref, Channel channel) {
        remove(ref.getProperty(Channel.ID_PROPERTY), channel);
    }

    boolean add(Object id, Channel channel, long bundleId, Object serviceId) {
        return channels.add(id, channel, bundleId, serviceId);
    }

    boolean remove(Object id, Channel channel) {
        return channels.remove(id, channel);
    }

    public SortedSet<String> ids() {
        return channels.ids();
    }

    public boolean isPresent(String id) {
        return channels.isPresent(id);
    }

    /** The bundle that registered a channel, if it is present. */
    public Optional<Long> owner(String id) {
        return channels.owner(id);
    }

    public Optional<String> lastProblem(String id) {
        return channels.lastProblem(id);
    }

    /** The channel's offer, read once and kept while it stays registered; a failed read is tried again next time. */
    public ChannelOffer offer(String id) throws PartnerFailure {
        return channels.remembered(id, "offer", ChannelOffer.class, Channel::offer);
    }

    /** A call on the channel's pool within the time limit; the caller checks the answer in context. */
    public <T> T call(String id, String what, PartnerCalls.Call<Channel, T> call) throws PartnerFailure {
        return channels.call(id, what, call);
    }

    /** A failure found in an answer by the caller's own checks, recorded as the channel's last problem. */
    public PartnerFailure broken(String id, String what, String problem) {
        return channels.broken(id, what, problem);
    }
}
