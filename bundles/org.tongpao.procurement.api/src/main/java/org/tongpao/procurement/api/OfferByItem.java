package org.tongpao.procurement.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A channel's offer built from what it can supply item by item (agreements, offers, price lists): one line per
 * item with the shortest lead time and the summed weekly capacity of its sources, items in code order, at most
 * {@link ChannelOffer#MAX_LINES}.
 *
 * @since 1.1
 */
public final class OfferByItem {
    private final Map<String, Integer> leadDays = new TreeMap<>();
    private final Map<String, Long> capacity = new TreeMap<>();

    /** One source of {@code itemCode}. */
    public OfferByItem add(String itemCode, int leadTimeDays, long capacityPerWeek) {
        leadDays.merge(itemCode, leadTimeDays, Math::min);
        capacity.merge(itemCode, capacityPerWeek, Long::sum);
        return this;
    }

    public boolean isEmpty() {
        return leadDays.isEmpty();
    }

    /** The offer; at least one item must have been added. */
    public ChannelOffer offer(String name, SupplyOrigin origin, String currency, Set<ProgressMode> progressModes) {
        List<OfferLine> lines = new ArrayList<>();
        leadDays.forEach((item, days) -> lines.add(OfferLine.item(item, null, days, capacity.get(item))));
        return new ChannelOffer(name, EnumSet.of(origin), currency,
                lines.size() > ChannelOffer.MAX_LINES ? lines.subList(0, ChannelOffer.MAX_LINES) : lines,
                progressModes);
    }
}
