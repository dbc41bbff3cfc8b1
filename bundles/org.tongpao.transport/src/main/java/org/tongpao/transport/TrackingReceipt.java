package org.tongpao.transport;

/** The answer to pushed tracking events: how many were new and how many Tongpao already had. */
public record TrackingReceipt(int accepted, int duplicates) {
}
