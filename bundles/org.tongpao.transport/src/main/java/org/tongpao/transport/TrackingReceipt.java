package org.tongpao.transport;

/**
 * The answer to pushed tracking events: how many were new, how many Tongpao already had, and how many
 * were parked because their waybill's booking is still being completed (they are applied as soon as it is).
 */
public record TrackingReceipt(int accepted, int duplicates, int parked) {

    public TrackingReceipt plus(TrackingReceipt other) {
        return new TrackingReceipt(accepted + other.accepted, duplicates + other.duplicates, parked + other.parked);
    }
}
