package org.tongpao.transport.api;

/** How a carrier reports progress: Tongpao asks ({@link #PULL}) and/or the carrier tells ({@link #PUSH}). */
public enum TrackingMode {
    /** Tongpao calls {@link Carrier#track(String)} for open shipments. */
    PULL,
    /** The carrier hands events to the {@link TrackingSink} service or posts them to the REST API. */
    PUSH
}
