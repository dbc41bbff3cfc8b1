package org.tongpao.procurement.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Tongpao's service that takes pushed progress from a channel bundle. Each bundle gets its own instance,
 * which accepts progress only for the channels that bundle registered.
 */
@ProviderType
public interface ProgressSink {

    /** The most events one call may carry. */
    int MAX_EVENTS = 500;

    /**
     * Records the events and returns how many were new: an event id the channel already sent is ignored.
     * Progress for an order reference Tongpao does not know yet is kept and applied once the order is.
     *
     * @throws IllegalArgumentException if the channel belongs to another bundle or is not registered, or
     *         the list holds more than {@link #MAX_EVENTS} events
     */
    int publish(String channelId, List<ProgressEvent> events);
}
