package org.tongpao.procurement.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.RequestLine;

/**
 * What every channel must do, checked through a {@link FakeProcurement}. {@link #verify} runs every check;
 * the single checks are public for a test per property (see {@link AbstractChannelContractTest}). Each
 * failure is a {@link ContractViolation} naming the check and what the channel answered.
 *
 * <p>The checks place real orders: give them a sample request and order for items the channel supplies,
 * with an order reference it has not seen (they also place {@code <ref>-B}).
 */
public final class ChannelContract {
    /** Pages read at most while following the progress cursor. */
    static final int MAX_PAGES = 50;

    private ChannelContract() {
    }

    /** Runs every check against the channel, registered as {@code channel-under-test}, with the 5 s limit. */
    public static void verify(Channel channel, QuoteRequest request, ChannelOrder order) {
        try (FakeProcurement tongpao = new FakeProcurement("channel-under-test", channel)) {
            verify(tongpao, request, order);
        }
    }

    public static void verify(FakeProcurement tongpao, QuoteRequest request, ChannelOrder order) {
        offerCoversTheSample(tongpao, request);
        quoteAnswersEveryLine(tongpao, request);
        placingIsIdempotent(tongpao, order);
        progressFollowsTheCursor(tongpao, second(order));
        cancelWorksAfterPlacing(tongpao, Samples.withRef(order, shorten(order.orderRef(), 62) + "-C"));
    }

    /** The offer is there, valid, and covers every item of the sample request (by item or by category). */
    public static ChannelOffer offerCoversTheSample(FakeProcurement tongpao, QuoteRequest sample) {
        ChannelOffer offer = step("offer", tongpao::offer);
        for (RequestLine line : sample.lines()) {
            if (offer.lineFor(line.itemCode(), line.categoryCode()).isEmpty()) {
                throw new ContractViolation("[offer] the sample asks for item " + line.itemCode() + " (category "
                        + line.categoryCode() + "), which the offer does not cover; test with items the channel supplies");
            }
        }
        return offer;
    }

    /** A quote comes back for every line of the sample request and has not already expired. */
    public static ChannelQuote quoteAnswersEveryLine(FakeProcurement tongpao, QuoteRequest sample) {
        ChannelQuote quote = step("quote", () -> tongpao.quote(sample));
        List<String> missing = FakeProcurement.unquoted(sample, quote);
        if (!missing.isEmpty()) {
            throw new ContractViolation("[quote] lines " + missing + " of the sample request were not quoted; test with"
                    + " a request the channel can supply in full");
        }
        return quote;
    }

    /** Placing the same order reference twice gives the same channel reference; another order another one. */
    public static PlacedOrder placingIsIdempotent(FakeProcurement tongpao, ChannelOrder sample) {
        PlacedOrder first = step("placing is idempotent", () -> tongpao.place(sample));
        step("placing is idempotent", () -> tongpao.place(Samples.withRef(sample, sample.orderRef())));
        step("placing is idempotent", () -> tongpao.place(second(sample)));
        return first;
    }

    /**
     * After an order is placed, following the progress cursor from the start ends (a page with no events)
     * within {@value #MAX_PAGES} pages, every page is valid, and no event id comes twice.
     */
    public static List<ProgressEvent> progressFollowsTheCursor(FakeProcurement tongpao, ChannelOrder sample) {
        step("progress", () -> tongpao.place(sample));
        Set<String> seen = new HashSet<>();
        List<ProgressEvent> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String from = cursor;
            ProgressPage p = step("progress", () -> tongpao.progress(from));
            if (p.events().isEmpty()) {
                return all;
            }
            for (ProgressEvent e : p.events()) {
                if (!seen.add(e.eventId())) {
                    throw new ContractViolation("[progress] event " + e.eventId() + " came again on the page after cursor "
                            + from + "; the next cursor must move past the events already returned");
                }
                all.add(e);
            }
            cursor = p.nextCursor();
        }
        throw new ContractViolation("[progress] still returning events after " + MAX_PAGES + " pages; the cursor does"
                + " not move on");
    }

    /** A freshly placed order can be cancelled, and cancelling it again succeeds. */
    public static void cancelWorksAfterPlacing(FakeProcurement tongpao, ChannelOrder order) {
        PlacedOrder placed = step("cancel", () -> tongpao.place(order));
        for (int i = 0; i < 2; i++) {
            step("cancel", () -> {
                tongpao.cancel(placed.channelOrderRef(), "contract check: cancelled after placing");
                return Boolean.TRUE;
            });
        }
    }

    /** The sample under the reference {@code <ref>-B} (shortened to fit 64 characters). */
    static ChannelOrder second(ChannelOrder sample) {
        return Samples.withRef(sample, shorten(sample.orderRef(), 62) + "-B");
    }

    private static String shorten(String ref, int max) {
        return ref.length() > max ? ref.substring(ref.length() - max) : ref;
    }

    private interface Step<T> {
        T run() throws ChannelException;
    }

    private static <T> T step(String name, Step<T> step) {
        try {
            return step.run();
        } catch (ContractViolation e) {
            if (e.getMessage() != null && e.getMessage().startsWith("[")) {
                throw e;
            }
            throw new ContractViolation("[" + name + "] " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        } catch (ChannelException e) {
            throw new ContractViolation("[" + name + "] the channel refused with ChannelException(\"" + e.getMessage()
                    + "\", retryable=" + e.isRetryable() + "); a channel in good health must accept the sample", e);
        }
    }
}
