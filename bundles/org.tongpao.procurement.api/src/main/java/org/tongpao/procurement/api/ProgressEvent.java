package org.tongpao.procurement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * One progress report for an order. {@code eventId} is the channel's own id for the event: Tongpao ignores
 * an event id it already has from this channel, so a channel may safely send an event again. A report for
 * one line names it ({@code lineRef}) and may carry a quantity (shipped, delivered, short); a quantity
 * without a line is refused. {@code expectedDate} is the channel's current estimate of delivery.
 * An {@link ProgressStatus#EXCEPTION} must say what happened in {@code note}. At most 20 documents.
 */
public record ProgressEvent(String eventId, String channelOrderRef, ProgressStatus status, Instant at, String lineRef,
        Long quantity, LocalDate expectedDate, List<ProgressDocument> documents, String note) {
    public static final int MAX_DOCUMENTS = 20;

    public ProgressEvent {
        eventId = Check.reference(eventId, "eventId", 64, true);
        channelOrderRef = Check.reference(channelOrderRef, "channelOrderRef", 64, true);
        Check.required(status, "status");
        Check.required(at, "at");
        lineRef = Check.reference(lineRef, "lineRef", 64, false);
        if (quantity != null) {
            Check.quantity(quantity, "quantity", 1);
            if (lineRef == null) {
                throw new IllegalArgumentException("quantity needs the lineRef it counts");
            }
        }
        documents = Check.list(documents, "documents", 0, MAX_DOCUMENTS);
        note = Check.text(note, "note", 1000, false, true);
        if (status == ProgressStatus.EXCEPTION && note == null) {
            throw new IllegalArgumentException("note is required for an EXCEPTION: say what happened");
        }
    }

    /** An event about the whole order, with no quantity, date, document or note. */
    public static ProgressEvent of(String eventId, String channelOrderRef, ProgressStatus status, Instant at) {
        return new ProgressEvent(eventId, channelOrderRef, status, at, null, null, null, List.of(), null);
    }
}
