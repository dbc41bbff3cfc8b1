package org.tongpao.transport.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TransportMode;

/**
 * A carrier for tests (the third party, so a fake is fair): books every order with waybill {@code <ID>-<ref>},
 * idempotently, unless told to refuse; answers tracking pulls from what the test gave it.
 */
final class FakeCarrier implements Carrier {
    /** Accept within 1 h, pick up within 4 h, deliver within 24 h. */
    static final ServicePromise PROMISE = ServicePromise.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24));

    final String id;
    private final Set<TrackingMode> tracking;
    private volatile boolean refusing;
    /** Runs with the waybill just before {@link #book} answers (a webhook that overtakes the answer). */
    private volatile Consumer<String> beforeAnswer = w -> { };
    private final Map<String, Booking> booked = new ConcurrentHashMap<>();
    private final Map<String, List<TrackingEvent>> pullable = new ConcurrentHashMap<>();
    final List<String> cancelled = new ArrayList<>();
    /** Every order quoted or booked, with what Tongpao said of its destination (SPI 1.2), in call order. */
    final List<Map.Entry<ShipmentOrder, Destination>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeCarrier(String id, Set<TrackingMode> tracking) {
        this.id = id;
        this.tracking = tracking;
    }

    static FakeCarrier pushing(String id) {
        return new FakeCarrier(id, Set.of(TrackingMode.PUSH));
    }

    static FakeCarrier pulled(String id) {
        return new FakeCarrier(id, Set.of(TrackingMode.PULL));
    }

    FakeCarrier refusing(boolean refuse) {
        this.refusing = refuse;
        return this;
    }

    FakeCarrier beforeAnswering(Consumer<String> hook) {
        this.beforeAnswer = hook;
        return this;
    }

    /** What the next pulls of {@code waybill} answer. */
    void reports(String waybill, TrackingEvent... events) {
        pullable.put(waybill, List.of(events));
    }

    int bookings() {
        return booked.size();
    }

    @Override
    public CarrierProfile profile() {
        return new CarrierProfile("Fake " + id, Set.of(TransportMode.ROAD), Set.of(), new BigDecimal("5000"), tracking,
                PROMISE);
    }

    @Override
    public Quote quote(ShipmentOrder order) {
        return new Quote(new BigDecimal("880.00"), "CNY", Duration.ofHours(2), Duration.ofHours(20),
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Override
    public Booking book(ShipmentOrder order) throws CarrierException {
        if (refusing) {
            throw new CarrierException("no trucks left today", true);
        }
        String waybill = id.toUpperCase() + "-" + order.shipmentRef();
        beforeAnswer.accept(waybill);
        return booked.computeIfAbsent(order.shipmentRef(), ref -> new Booking(waybill, null, null));
    }

    @Override
    public Quote quote(ShipmentOrder order, Destination destination) {
        asked.add(Map.entry(order, destination));
        return quote(order);
    }

    @Override
    public Booking book(ShipmentOrder order, Destination destination) throws CarrierException {
        asked.add(Map.entry(order, destination));
        return book(order);
    }

    @Override
    public void cancel(String waybill, String reason) {
        synchronized (cancelled) {
            cancelled.add(waybill);
        }
    }

    @Override
    public List<TrackingEvent> track(String waybill) {
        return pullable.getOrDefault(waybill, List.of());
    }
}
