package org.tongpao.procurement.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongpao.procurement.api.internal.Check;

/**
 * What a channel offers: its display name, where its goods come from, the currency it quotes in, what it
 * supplies (1–1000 lines, no item or category twice) and how it reports progress.
 */
public record ChannelOffer(String name, Set<SupplyOrigin> origins, String currency, List<OfferLine> lines,
        Set<ProgressMode> progress) {
    public static final int MAX_LINES = 1000;

    public ChannelOffer {
        name = Check.text(name, "name", 100, true, false);
        origins = Set.copyOf(Check.list(origins, "origins", 1, 2));
        Check.currency(currency, "currency");
        lines = Check.list(lines, "lines", 1, MAX_LINES);
        Check.distinct(lines, l -> l.itemCode() != null ? "item " + l.itemCode() : "category " + l.categoryCode(), "lines");
        progress = Set.copyOf(Check.list(progress, "progress", 1, 2));
    }

    /** The line for an item: the one naming it, else the one for its category. */
    public Optional<OfferLine> lineFor(String itemCode, String categoryCode) {
        Optional<OfferLine> own = lines.stream().filter(l -> itemCode.equals(l.itemCode())).findFirst();
        return own.isPresent() ? own : lines.stream().filter(l -> l.itemCode() == null && l.covers(itemCode, categoryCode)).findFirst();
    }
}
