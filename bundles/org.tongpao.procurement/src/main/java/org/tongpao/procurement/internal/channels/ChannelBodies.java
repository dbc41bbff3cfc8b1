package org.tongpao.procurement.internal.channels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import org.tongpao.core.ValidationException;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressDocument;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.RequestLine;

/** The channels' REST bodies and their conversion to the SPI's checked values (a value out of bounds: 400 naming it). */
public final class ChannelBodies {
    private ChannelBodies() {
    }

    /** A request for quotation to one channel; lines without a lineRef are numbered L1, L2, … */
    public record QuoteRequestBody(@Size(max = 64) String requestRef, @NotEmpty @Size(max = QuoteRequest.MAX_LINES)
            List<@Valid @NotNull QuoteLineBody> lines, @NotNull String deliverToProvince, LocalDate neededBy, boolean emergency) {
    }

    public record QuoteLineBody(String lineRef, @NotNull String itemCode, String categoryCode, long quantity, String standard) {
    }

    /** {@code {"events": [...]}}, 1 to 500 events. */
    public record ProgressBody(@NotEmpty @Size(max = ProgressSink.MAX_EVENTS) List<@Valid @NotNull ProgressEventBody> events) {
    }

    public record ProgressEventBody(String eventId, String channelOrderRef, @NotNull ProgressStatus status, @NotNull Instant at,
            String lineRef, Long quantity, LocalDate expectedDate,
            @Size(max = ProgressEvent.MAX_DOCUMENTS) List<@Valid @NotNull ProgressDocumentBody> documents, String note) {
    }

    public record ProgressDocumentBody(@NotNull DocumentKind kind, String number, LocalDate issued, String link) {
    }

    /** What a push did: events received, new ones, and those already known (a retry is safe). */
    public record ChannelProgressReceipt(int received, int accepted, int duplicates) {
    }

    static QuoteRequest request(QuoteRequestBody body, String defaultRef) {
        List<RequestLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            QuoteLineBody l = body.lines().get(i);
            String ref = l.lineRef() == null ? "L" + (i + 1) : l.lineRef();
            lines.add(checked("lines[" + i + "].", () -> new RequestLine(ref, l.itemCode(), l.categoryCode(), l.quantity(), l.standard())));
        }
        String ref = body.requestRef() == null ? defaultRef : body.requestRef();
        return checked("", () -> new QuoteRequest(ref, lines, body.deliverToProvince(), body.neededBy(), body.emergency()));
    }

    static List<ProgressEvent> events(ProgressBody body) {
        List<ProgressEvent> out = new ArrayList<>(body.events().size());
        for (int i = 0; i < body.events().size(); i++) {
            ProgressEventBody e = body.events().get(i);
            String prefix = "events[" + i + "].";
            List<ProgressDocument> docs = new ArrayList<>();
            List<ProgressDocumentBody> posted = e.documents() == null ? List.of() : e.documents();
            for (int j = 0; j < posted.size(); j++) {
                ProgressDocumentBody d = posted.get(j);
                docs.add(checked(prefix + "documents[" + j + "].", () -> new ProgressDocument(d.kind(), d.number(), d.issued(), d.link())));
            }
            out.add(checked(prefix, () -> new ProgressEvent(e.eventId(), e.channelOrderRef(), e.status(), e.at(), e.lineRef(),
                    e.quantity(), e.expectedDate(), docs, e.note())));
        }
        return out;
    }

    /** The SPI's messages start with the field's name: a 400 naming {@code prefix + field}. */
    private static <T> T checked(String prefix, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() == null ? "invalid value" : e.getMessage();
            throw new ValidationException(prefix + msg.split("[ \\[]", 2)[0], msg);
        }
    }
}
