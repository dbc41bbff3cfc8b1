package org.tongpao.procurement.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * What channel implementations otherwise each write again: order references of the form prefix + number, and a
 * pull cursor that is the id of the last event sent, with the page it leads to.
 *
 * @since 1.1
 */
public final class ChannelSupport {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

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
}
