package org.tongpao.transport.internal;

import java.util.Map;
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
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.tongpao.core.partners.PartnerCalls;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;

/**
 * The carriers present right now, collected from the service registry as they come and go. Every call
 * to a carrier runs through the platform's partner-call kit ({@link PartnerCalls}): on that carrier's own
 * small thread pool with a time limit, so a carrier that hangs or floods only ever blocks itself.
 */
@Component(service = CarrierRegistry.class, configurationPid = "org.tongpao.transport")
@Designate(ocd = TransportConfig.class)
public class CarrierRegistry {
    static final Pattern ID = Pattern.compile(Carrier.ID_PATTERN);

    /** A call to a carrier. */
    @FunctionalInterface
    public interface Call<T> {
        T apply(Carrier carrier) throws CarrierException;
    }

    private final PartnerCalls<Carrier> carriers = new PartnerCalls<>("carrier", ID,
            t -> t instanceof CarrierException ce ? new PartnerCalls.Refusal(ce.getMessage(), ce.isRetryable()) : null);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    public CarrierRegistry() {
    }

    @Activate
    @Modified
    void configure(TransportConfig config) {
        carriers.limits(new PartnerCalls.Limits(config.threadsPerCarrier(), config.queuePerCarrier(), config.callTimeoutMillis()));
    }

    @Deactivate
    void deactivate() {
        carriers.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addCarrier(ServiceReference<Carrier> ref, Carrier carrier) {
        long bundle = ref.getBundle() == null ? -1 : ref.getBundle().getBundleId();
        add(ref.getProperty(Carrier.ID_PROPERTY), carrier, bundle, ref.getProperty(Constants.SERVICE_ID));
    }

    void removeCarrier(ServiceReference<Carrier> ref, Carrier carrier) {
        remove(ref.getProperty(Carrier.ID_PROPERTY), carrier);
    }

    /** Adds a carrier (public to the package for tests without a framework). */
    void add(Object id, Carrier carrier, long bundleId, Object serviceId) {
        if (carriers.add(id, carrier, bundleId, serviceId)) {
            post(TransportTopics.CARRIER_ADDED, (String) id);
        }
    }

    /** Removes a carrier; its shipments stay readable. */
    void remove(Object id, Carrier carrier) {
        if (carriers.remove(id, carrier)) {
            post(TransportTopics.CARRIER_REMOVED, (String) id);
        }
    }

    /**
     * Carrier ADDED/REMOVED go straight to EventAdmin, not through the outbox: they announce this node's
     * service registry, not a database change, so there is no transaction to join, nothing to replay after a
     * crash (the registry is rebuilt at start) and nothing another node could use.
     */
    private void post(String topic, String id) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ea.postEvent(new Event(topic, Map.of("carrierId", id)));
        }
    }

    /** Ids of the carriers present, sorted. */
    public SortedSet<String> ids() {
        return carriers.ids();
    }

    public boolean isAvailable(String id) {
        return carriers.isPresent(id);
    }

    /** The bundle that registered a carrier, if it is present. */
    public Optional<Long> owner(String id) {
        return carriers.owner(id);
    }

    /** Calls waiting for one of the carrier's threads (0 when it is absent). */
    int waiting(String id) {
        return carriers.waiting(id);
    }

    /** The last failure of a present carrier, for display. */
    public Optional<String> lastProblem(String id) {
        return carriers.lastProblem(id);
    }

    /** The carrier's profile, read once and kept; a failed read is retried next time. */
    public CarrierProfile profile(String id) throws PartnerFailure {
        return carriers.remembered(id, "profile", CarrierProfile.class, Carrier::profile);
    }

    /**
     * Runs a call on the carrier's pool with the time limit. Any answer but a normal return of a
     * non-null value becomes a {@link PartnerFailure}; the caller validates the answer in context.
     */
    public <T> T call(String id, String what, Call<T> call) throws PartnerFailure {
        return carriers.call(id, what, call::apply);
    }
}
