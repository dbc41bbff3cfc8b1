package org.tongpao.transport.fleet.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TransportMode;

/**
 * The police's own vehicles. Booking only reserves the job: a dispatcher assigns a vehicle and records
 * progress by hand ({@code POST /shipments/{id}/events}), so tracking is push-only and the waybill is
 * derived from Tongpao's shipment number (which also makes a repeated booking return the same one).
 * The service is free: the price is zero.
 */
@Component(service = Carrier.class, property = Carrier.ID_PROPERTY + "=" + FleetCarrier.ID,
        configurationPid = "org.tongpao.transport.fleet")
@Designate(ocd = FleetCarrier.Config.class)
public class FleetCarrier implements Carrier {
    static final String ID = "fleet";

    @ObjectClassDefinition(name = "Tongpao police fleet carrier")
    public @interface Config {
        @AttributeDefinition(description = "Name shown to logistics officers")
        String name() default "Police fleet";

        @AttributeDefinition(description = "Heaviest load of one job, in kg")
        int maxWeightKg() default 8000;

        @AttributeDefinition(description = "Hours until a dispatcher takes a job on")
        int acceptWithinHours() default 2;

        @AttributeDefinition(description = "Hours from booking until the vehicle picks the goods up")
        int pickupWithinHours() default 12;

        @AttributeDefinition(description = "Hours from booking until delivery")
        int deliverWithinHours() default 48;
    }

    private final Clock clock;
    private volatile CarrierProfile profile;

    public FleetCarrier() {
        this(Clock.systemUTC());
    }

    FleetCarrier(Clock clock) {
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(Config c) {
        profile = new CarrierProfile(c.name(), EnumSet.of(TransportMode.ROAD), Set.of(), BigDecimal.valueOf(c.maxWeightKg()),
                EnumSet.of(TrackingMode.PUSH), ServicePromise.of(Duration.ofHours(c.acceptWithinHours()),
                        Duration.ofHours(c.pickupWithinHours()), Duration.ofHours(c.deliverWithinHours())));
    }

    @Override
    public CarrierProfile profile() {
        return profile;
    }

    @Override
    public Quote quote(ShipmentOrder order) throws CarrierException {
        checkWeight(order);
        ServicePromise p = profile.promise();
        return new Quote(BigDecimal.ZERO, "CNY", p.pickupWithin(), p.deliverWithin(order.to().provinceCode()),
                clock.instant().plus(Duration.ofHours(1)));
    }

    @Override
    public Booking book(ShipmentOrder order) throws CarrierException {
        checkWeight(order);
        return new Booking(waybill(order.shipmentRef()), null, null);
    }

    @Override
    public void cancel(String waybill, String reason) {
        // nothing is held outside Tongpao: the dispatcher sees the cancellation on the shipment itself
    }

    @Override
    public List<TrackingEvent> track(String waybill) {
        return List.of(); // push-only: dispatchers record progress in Tongpao
    }

    static String waybill(String shipmentRef) {
        return "FLEET-" + shipmentRef;
    }

    private void checkWeight(ShipmentOrder order) throws CarrierException {
        if (order.weightKg().compareTo(profile.maxWeightKg()) > 0) {
            throw new CarrierException("the fleet's heaviest vehicle takes " + profile.maxWeightKg() + " kg", false);
        }
    }
}
