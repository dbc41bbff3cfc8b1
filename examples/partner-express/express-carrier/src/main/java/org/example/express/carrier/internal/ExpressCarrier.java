package org.example.express.carrier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Destination;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.PlaceKind;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.api.TransportMode;

/**
 * Express Logistics as a Tongpao carrier ({@code tongpao.carrier.id=express}). Every call is one HTTP call
 * to Express' order API with the configured time limit, which stays below Tongpao's; Express also pushes
 * events to Tongpao's REST API itself (its webhooks), so tracking is PULL and PUSH.
 */
@Component(service = Carrier.class, configurationPid = "org.example.express",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "tongpao.carrier.id=express")
@Designate(ocd = ExpressConfig.class)
public final class ExpressCarrier implements Carrier {
    private static final Logger LOG = LoggerFactory.getLogger(ExpressCarrier.class);

    static final CarrierProfile PROFILE = new CarrierProfile("Express Logistics", Set.of(TransportMode.ROAD, TransportMode.AIR),
            Set.of(), new BigDecimal("2000"), Set.of(TrackingMode.PULL, TrackingMode.PUSH),
            new ServicePromise(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(48), Map.of("42", Duration.ofHours(24))));

    /** Express' event codes and the Tongpao statuses they mean. */
    private static final Map<String, TrackingStatus> STATUS = statuses();

    /**
     * ABORTED (Express gave up a collected order) is Tongpao's CANCELLED, a return after hand-over. RETURNED came with
     * SPI 1.1; this bundle is built against 1.0, so it reports RETURNED only where the platform's SPI has it.
     */
    private static Map<String, TrackingStatus> statuses() {
        Map<String, TrackingStatus> m = new java.util.HashMap<>(Map.of("ACCEPTED", TrackingStatus.ACCEPTED,
                "COLLECTED", TrackingStatus.PICKED_UP, "LINEHAUL", TrackingStatus.IN_TRANSIT,
                "CHECKPOINT", TrackingStatus.AT_CHECKPOINT, "SIGNED", TrackingStatus.DELIVERED,
                "PROBLEM", TrackingStatus.EXCEPTION, "CANCELLED", TrackingStatus.CANCELLED,
                "ABORTED", TrackingStatus.CANCELLED));
        java.util.Arrays.stream(TrackingStatus.values()).filter(s -> s.name().equals("RETURNED")).findFirst()
                .ifPresent(s -> m.put("RETURNED", s));
        return Map.copyOf(m);
    }

    private volatile CourierClient courier;

    @Activate
    public ExpressCarrier(ExpressConfig config) {
        this(CourierClient.of(config));
        LOG.info("Express carrier talks to {} (time limit {} ms)", config.baseUrl(), config.timeoutMillis());
    }

    public ExpressCarrier(CourierClient courier) {
        this.courier = courier;
    }

    @Modified
    void modified(ExpressConfig config) {
        courier = CourierClient.of(config);
        LOG.info("Express carrier now talks to {} (time limit {} ms)", config.baseUrl(), config.timeoutMillis());
    }

    /** What a caller of the 1.0 methods leaves unsaid: a depot, area unknown. */
    private static final Destination DEPOT = new Destination(PlaceKind.DEPOT, null, null);

    @Override
    public CarrierProfile profile() {
        return PROFILE;
    }

    @Override
    public Quote quote(ShipmentOrder order) throws CarrierException {
        return quote(order, DEPOT);
    }

    /** SPI 1.2: Tongpao says what the destination is; a front-line unit is a doorstep delivery for Express. */
    @Override
    public Quote quote(ShipmentOrder order, Destination destination) throws CarrierException {
        CourierClient c = courier;
        ObjectNode body = c.json().createObjectNode();
        body.put("origin", order.from().provinceCode());
        body.put("destination", order.to().provinceCode());
        body.put("parcels", order.packages());
        body.put("weightKg", order.weightKg());
        body.put("restrictedArea", order.restrictedArea());
        body.put("doorstep", destination.kind() == PlaceKind.ORG_UNIT);
        JsonNode q = c.post("v2/quotes", body, "the quote for " + order.shipmentRef());
        return read("quote", () -> new Quote(new BigDecimal(q.path("amount").asText()), q.path("currency").asText(),
                Duration.ofHours(q.path("pickupHours").asLong()), Duration.ofHours(q.path("transitHours").asLong()),
                Instant.now().plus(Duration.ofMinutes(q.path("validForMinutes").asLong()))));
    }

    @Override
    public Booking book(ShipmentOrder order) throws CarrierException {
        return book(order, DEPOT);
    }

    @Override
    public Booking book(ShipmentOrder order, Destination destination) throws CarrierException {
        CourierClient c = courier;
        ObjectNode body = c.json().createObjectNode();
        // Express is idempotent per clientReference: a retry returns the first order
        body.put("clientReference", order.shipmentRef());
        place(body.putObject("origin"), order.from());
        place(body.putObject("destination"), order.to());
        body.put("parcels", order.packages());
        body.put("weightKg", order.weightKg());
        body.put("restrictedArea", order.restrictedArea());
        body.put("mode", order.mode() == null ? null : order.mode().name());
        body.put("deliverBy", order.deliverBy() == null ? null : order.deliverBy().toString());
        body.put("remark", order.notes());
        body.put("doorstep", destination.kind() == PlaceKind.ORG_UNIT);
        body.put("area", destination.area());
        body.put("keyArea", destination.keyArea());
        JsonNode o = c.post("v2/orders", body, "booking " + order.shipmentRef());
        return read("booking", () -> new Booking(o.path("waybill").asText(null), instant(o.path("etaPickup")),
                instant(o.path("etaDelivery"))));
    }

    @Override
    public void cancel(String waybill, String reason) throws CarrierException {
        CourierClient c = courier;
        ObjectNode body = c.json().createObjectNode();
        body.put("reason", reason);
        c.post("v2/orders/" + CourierClient.segment(waybill) + "/cancel", body, "cancelling " + waybill);
    }

    @Override
    public List<TrackingEvent> track(String waybill) throws CarrierException {
        JsonNode answer = courier.get("v2/orders/" + CourierClient.segment(waybill) + "/events", "tracking " + waybill);
        return read("tracking", () -> {
            List<TrackingEvent> events = new ArrayList<>();
            for (JsonNode e : answer.path("events")) {
                TrackingStatus status = STATUS.get(e.path("code").asText());
                if (status == null) {
                    continue;
                }
                Instant at = Instant.parse(e.path("time").asText());
                ProofOfDelivery proof = status == TrackingStatus.DELIVERED
                        ? new ProofOfDelivery(e.path("signedBy").asText(null), at, e.path("signature").asText(null))
                        : null;
                events.add(new TrackingEvent(waybill, status, at, e.path("place").asText(null),
                        e.path("remark").asText(null), proof));
            }
            events.sort(Comparator.comparing(TrackingEvent::at)); // stable: Express' order for equal times
            return events;
        });
    }

    private static void place(ObjectNode n, Place p) {
        n.put("code", p.code());
        n.put("province", p.provinceCode());
        n.put("name", p.name());
        n.put("address", p.address());
        n.put("contact", p.contactName());
        n.put("phone", p.contactPhone());
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }

    private interface Reader<T> {
        T read();
    }

    /** An answer Tongpao's value types refuse is Express' fault, not a reason to retry. */
    private static <T> T read(String what, Reader<T> reader) throws CarrierException {
        try {
            return reader.read();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new CarrierException("Express answered an invalid " + what + ": " + e.getMessage(), false, e);
        }
    }
}
