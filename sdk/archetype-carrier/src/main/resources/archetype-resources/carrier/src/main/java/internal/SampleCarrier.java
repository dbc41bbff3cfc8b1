package ${package}.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.api.TransportMode;

/**
 * ${carrierName} as a Tongpao carrier ({@code tongpao.carrier.id=${carrierId}}). This sample keeps its
 * bookings in memory so that it passes the testkit's contract as generated: replace each method's body with
 * calls to your own system, keep each call below Tongpao's 5 s limit (give your HTTP client a timeout), and
 * throw {@link CarrierException} — retryable when trying again later may work — for every failure.
 */
@Component(service = Carrier.class, property = "tongpao.carrier.id=${carrierId}")
public final class SampleCarrier implements Carrier {

    private static final CarrierProfile PROFILE = new CarrierProfile("${carrierName}", Set.of(TransportMode.ROAD),
            Set.of(), new BigDecimal("1000"), Set.of(TrackingMode.PULL),
            ServicePromise.of(Duration.ofHours(2), Duration.ofHours(12), Duration.ofHours(72)));

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, String> waybillByShipment = new ConcurrentHashMap<>();
    private final Map<String, List<TrackingEvent>> events = new ConcurrentHashMap<>();

    @Override
    public CarrierProfile profile() {
        return PROFILE;
    }

    @Override
    public Quote quote(ShipmentOrder order) throws CarrierException {
        BigDecimal price = new BigDecimal("30.00").add(order.weightKg().multiply(new BigDecimal("1.5")))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        return new Quote(price, "CNY", Duration.ofHours(6), Duration.ofHours(48), Instant.now().plus(Duration.ofHours(1)));
    }

    @Override
    public Booking book(ShipmentOrder order) throws CarrierException {
        // idempotent per shipmentRef: Tongpao retries after a timeout and must never book twice
        String waybill = waybillByShipment.computeIfAbsent(order.shipmentRef(), ref -> {
            String w = "${carrierId.toUpperCase()}-" + sequence.incrementAndGet();
            List<TrackingEvent> list = new ArrayList<>();
            list.add(TrackingEvent.of(w, TrackingStatus.ACCEPTED, Instant.now().truncatedTo(ChronoUnit.MILLIS), null));
            events.put(w, list);
            return w;
        });
        return new Booking(waybill, null, null);
    }

    @Override
    public void cancel(String waybill, String reason) throws CarrierException {
        List<TrackingEvent> list = events.get(waybill);
        if (list == null) {
            throw new CarrierException("unknown waybill " + waybill, false);
        }
        synchronized (list) {
            if (list.stream().anyMatch(e -> e.status() != TrackingStatus.ACCEPTED)) {
                throw new CarrierException("waybill " + waybill + " was already picked up", false);
            }
        }
    }

    @Override
    public List<TrackingEvent> track(String waybill) throws CarrierException {
        List<TrackingEvent> list = events.get(waybill);
        if (list == null) {
            throw new CarrierException("unknown waybill " + waybill, false);
        }
        synchronized (list) {
            return List.copyOf(list); // oldest first, this waybill only
        }
    }
}
