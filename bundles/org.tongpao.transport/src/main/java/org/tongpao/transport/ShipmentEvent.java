package org.tongpao.transport;

import java.time.Instant;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.TrackingStatus;

/**
 * One entry of a shipment's timeline. {@code source} says who reported it: CARRIER (pulled or pushed by
 * the carrier's bundle), PARTNER (posted by the carrier's account over REST), STAFF (entered by a
 * logistics officer, e.g. for the police's own fleet) or RECEIVER (implied by the receipt).
 */
public record ShipmentEvent(long id, TrackingStatus status, Instant at, String location, String note,
        ProofOfDelivery proof, String source, String recordedBy, Instant recordedAt) {
}
