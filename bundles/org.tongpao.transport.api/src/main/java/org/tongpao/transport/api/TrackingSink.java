package org.tongpao.transport.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tongpao's service that takes pushed tracking events from a carrier bundle. Each bundle gets its own
 * instance, which accepts events only for waybills of the carriers that bundle registered.
 */
@ProviderType
public interface TrackingSink {

    /**
     * Records the events (duplicates are ignored) and returns how many were new.
     *
     * @throws IllegalArgumentException if a waybill is unknown or belongs to another bundle's carrier
     */
    int publish(String carrierId, List<TrackingEvent> events);
}
