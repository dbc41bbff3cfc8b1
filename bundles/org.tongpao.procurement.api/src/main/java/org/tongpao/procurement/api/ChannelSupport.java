package org.tongpao.procurement.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * What channel implementations otherwise each write again: order references of the form prefix + number, a pull
 * cursor that is the id of the last event sent, with the page it leads to, and (1.2) the head of a quote.
 *
 * @since 1.1
 */
public final class ChannelSupport {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");
    /** The longest quote or order reference the SPI takes. */
    private static final int MAX_REFERENCE = 64;

    private ChannelSupport() {
    }

    /** The number in {@code reference} when it is {@code prefix} followed by 1 to 18 digits; empty otherwise. */
    public static Optional<Long> referencedId(String prefix, String reference) {
        if (reference == null || !reference.startsWith(prefix)
                || !NUMBER.matcher(reference.substring(prefix.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(reference.substring(prefix.length())));
    }

    /**
     * The referenced number as {@link #referencedId}, or a refusal (not worth retrying) naming the unknown order.
     */
    public static long requireReferencedId(String prefix, String reference) throws ChannelException {
        return referencedId(prefix, reference)
                .orElseThrow(() -> new ChannelException("unknown order " + reference, false));
    }

    /**
     * The event id a cursor of this kind holds (0 for none: from the start); a refusal naming {@code channel} when
     * the cursor is not a number.
     */
    public static long cursorId(String cursor, String channel) throws ChannelException {
        if (cursor == null) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ChannelException("not a cursor of " + channel + ": " + cursor, false, e);
        }
    }

    /**
     * The page of {@code events} (oldest first) whose next cursor is the last one's {@code id}; with no events, an
     * empty page keeping {@code cursor}.
     */
    public static <E> ProgressPage page(String cursor, List<E> events, ToLongFunction<E> id,
            Function<E, ProgressEvent> asProgress) {
        if (events.isEmpty()) {
            return ProgressPage.empty(cursor);
        }
        return new ProgressPage(events.stream().map(asProgress).toList(),
                Long.toString(id.applyAsLong(events.get(events.size() - 1))));
    }

    /**
     * The quote answering {@code request} with the lines a channel could price: its reference is {@code prefix} +
     * the request's reference (the request's own when that would pass 64 characters). No line at all is a refusal
     * (not worth retrying) saying that nothing {@code source} has supplies the request, by its needed-by date.
     *
     * @param source what the channel quotes from, e.g. "framework agreement valid on 2026-02-03"
     * @since 1.2
     */
    public static ChannelQuote quote(String prefix, QuoteRequest request, String currency, List<QuotedLine> lines,
            Instant validUntil, String incoterm, String note, String source) throws ChannelException {
        if (lines.isEmpty()) {
            throw new ChannelException("no " + source + " supplies any line of this request"
                    + (request.neededBy() == null ? "" : " by " + request.neededBy()), false);
        }
        String ref = prefix.length() + request.requestRef().length() <= MAX_REFERENCE
                ? prefix + request.requestRef() : request.requestRef();
        return new ChannelQuote(ref, currency, lines, validUntil, incoterm, note);
    }
}
