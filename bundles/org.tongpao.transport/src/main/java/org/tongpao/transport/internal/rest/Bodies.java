package org.tongpao.transport.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.core.ValidationException;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingStatus;

/** Request bodies that exist only for the REST layer, and their conversion to the SPI's checked values. */
public final class Bodies {
    private Bodies() {
    }

    public record Proof(String receivedBy, Instant receivedAt, String reference) {
    }

    public record Event(String waybill, @NotNull TrackingStatus status, @NotNull Instant at, String location, String note,
            Proof proof) {
    }

    /** {@code {"events": [...]}}, 1 to 500 events. */
    public record Events(@NotEmpty @Size(max = 500) List<@Valid @NotNull Event> events) {
    }

    /** Optional body of a cancel. */
    public record Reason(@Size(max = 500) String reason) {
    }

    /** Optional body of a re-booking. */
    public record Rebook(@Size(max = 32) String carrierId) {
    }

    /** Optional body of a receipt; no lines = everything in full. */
    // distinct schema name: other records are called Receipt too
    @Schema(name = "ShipmentReceipt")
    public record Receipt(@Size(max = 1000) List<@Valid @NotNull LineReceipt> lines) {
    }

    /** The ministry's contract: ISO-8601 durations such as {@code PT1H}, {@code PT24H}, {@code P2D}. */
    public record Contract(@NotNull Duration acceptWithin, @NotNull Duration pickupWithin, @NotNull Duration deliverWithin,
            Map<String, Duration> deliverWithinByProvince) {

        ServicePromise promise() {
            try {
                return new ServicePromise(acceptWithin, pickupWithin, deliverWithin, deliverWithinByProvince);
            } catch (IllegalArgumentException e) {
                throw invalid("", e);
            }
        }
    }

    /** Converts posted events to the SPI's values; a value out of bounds is a 400 naming {@code events[i].field}. */
    static List<TrackingEvent> events(Events body, String defaultWaybill) {
        List<TrackingEvent> out = new ArrayList<>(body.events().size());
        for (int i = 0; i < body.events().size(); i++) {
            Event e = body.events().get(i);
            String prefix = "events[" + i + "].";
            try {
                ProofOfDelivery pod = null;
                if (e.proof() != null) {
                    try {
                        pod = new ProofOfDelivery(e.proof().receivedBy(), e.proof().receivedAt(), e.proof().reference());
                    } catch (IllegalArgumentException x) {
                        throw invalid(prefix + "proof.", x);
                    }
                }
                out.add(new TrackingEvent(e.waybill() == null ? defaultWaybill : e.waybill(), e.status(), e.at(),
                        e.location(), e.note(), pod));
            } catch (IllegalArgumentException x) {
                throw invalid(prefix, x);
            }
        }
        return out;
    }

    /** The SPI's messages start with the field's name. */
    private static ValidationException invalid(String prefix, IllegalArgumentException e) {
        String msg = e.getMessage() == null ? "invalid value" : e.getMessage();
        String field = msg.split("[ \\[]", 2)[0];
        return new ValidationException(prefix + field, msg);
    }

}
