package org.tongpao.procurement.api;

import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * A channel's answer to {@link Channel#progress}: up to {@link ProgressSink#MAX_EVENTS} events, oldest first,
 * and the cursor to ask from next time (required when there are events; with none, null keeps the cursor
 * Tongpao has). Tongpao stores the cursor only after it stored the events, so a page may safely come again.
 */
public record ProgressPage(List<ProgressEvent> events, String nextCursor) {
    public ProgressPage {
        events = Check.list(events, "events", 0, ProgressSink.MAX_EVENTS);
        nextCursor = Check.reference(nextCursor, "nextCursor", 200, !events.isEmpty());
    }

    /** Nothing new: ask again from {@code cursor} (may be null). */
    public static ProgressPage empty(String cursor) {
        return new ProgressPage(List.of(), cursor);
    }
}
