package org.tongpao.transport.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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

/** A well-behaved carrier kept in memory, with switches that make it break the contract one way at a time. */
class InMemoryCarrier implements Carrier {
    enum Fault { NONE, HANG_ON_BOOK, RUNTIME_EXCEPTION_ON_QUOTE, NEW_WAYBILL_ON_REPEAT, FOREIGN_EVENTS, NEWEST_FIRST,
        NULL_PROFILE, INVALID_BOOKING, REFUSE_CANCEL }

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    final CountDownLatch hangInterrupted = new CountDownLatch(1);
    private final Fault fault;
    private final AtomicInteger seq = new AtomicInteger();
    private final Map<String, String> waybillByRef = new ConcurrentHashMap<>();
    private final Map<String, List<TrackingEvent>> events = new ConcurrentHashMap<>();

    InMemoryCarrier() {
        this(Fault.NONE);
    }

    InMemoryCarrier(Fault fault) {
        this.fault = fault;
    }

    @Override
    public CarrierProfile profile() {
        if (fault == Fault.NULL_PROFILE) {
            return null;
        }
        return new CarrierProfile("In-memory", Set.of(TransportMode.ROAD), Set.of("42", "11"), new BigDecimal("500"),
                Set.of(TrackingMode.PULL), ServicePromise.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(48)));
    }

    @Override
    public Quote quote(ShipmentOrder order) {
        if (fault == Fault.RUNTIME_EXCEPTION_ON_QUOTE) {
            throw new IllegalStateException("pricing table not loaded");
        }
        return new Quote(new BigDecimal("88.00"), "CNY", Duration.ofHours(4), Duration.ofHours(30),
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Override
    public Booking book(ShipmentOrder order) {
        if (fault == Fault.HANG_ON_BOOK) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                hangInterrupted.countDown();
                Thread.currentThread().interrupt();
            }
        }
        if (fault == Fault.INVALID_BOOKING) {
            return new Booking("IM 1", null, null);
        }
        String waybill = fault == Fault.NEW_WAYBILL_ON_REPEAT ? "IM-" + seq.incrementAndGet()
                : waybillByRef.computeIfAbsent(order.shipmentRef(), r -> "IM-" + seq.incrementAndGet());
        events.computeIfAbsent(waybill, w -> new ArrayList<>(List.of(
                TrackingEvent.of(w, TrackingStatus.ACCEPTED, T0, "Beijing"),
                TrackingEvent.of(w, TrackingStatus.PICKED_UP, T0.plusSeconds(600), "Beijing"))));
        return new Booking(waybill, null, null);
    }

    @Override
    public void cancel(String waybill, String reason) throws CarrierException {
        if (fault == Fault.REFUSE_CANCEL) {
            throw new CarrierException("already on the road", false);
        }
        if (!events.containsKey(waybill)) {
            throw new CarrierException("unknown waybill " + waybill, false);
        }
    }

    @Override
    public List<TrackingEvent> track(String waybill) {
        List<TrackingEvent> list = new ArrayList<>(events.getOrDefault(waybill, List.of()));
        if (fault == Fault.FOREIGN_EVENTS) {
            list.add(TrackingEvent.of("OTHER-1", TrackingStatus.IN_TRANSIT, T0.plusSeconds(900), null));
        }
        if (fault == Fault.NEWEST_FIRST) {
            java.util.Collections.reverse(list);
        }
        return list;
    }
}
