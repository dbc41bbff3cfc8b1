package org.tongpao.procurement.api;

import org.tongpao.procurement.api.internal.Check;

/**
 * One thing a channel offers: a whole catalogue category or one item (exactly one of the two codes), the
 * standard its goods meet (e.g. {@code GB 19083-2010}, optional), days from order to delivery, and how many
 * units it can deliver per week (0: none at present).
 */
public record OfferLine(String categoryCode, String itemCode, String standard, int leadTimeDays, long capacityPerWeek) {
    /** The longest lead time a channel may state: two years. */
    public static final int MAX_LEAD_TIME_DAYS = 730;

    public OfferLine {
        Check.code(categoryCode, "categoryCode", false);
        Check.code(itemCode, "itemCode", false);
        if ((categoryCode == null) == (itemCode == null)) {
            throw new IllegalArgumentException("categoryCode or itemCode: exactly one is required");
        }
        standard = Check.text(standard, "standard", 100, false, false);
        Check.days(leadTimeDays, "leadTimeDays", MAX_LEAD_TIME_DAYS);
        Check.quantity(capacityPerWeek, "capacityPerWeek", 0);
    }

    public static OfferLine item(String itemCode, String standard, int leadTimeDays, long capacityPerWeek) {
        return new OfferLine(null, itemCode, standard, leadTimeDays, capacityPerWeek);
    }

    public static OfferLine category(String categoryCode, int leadTimeDays, long capacityPerWeek) {
        return new OfferLine(categoryCode, null, null, leadTimeDays, capacityPerWeek);
    }

    /** Whether this line covers the item (named, or in the category). */
    public boolean covers(String item, String category) {
        return itemCode != null ? itemCode.equals(item) : categoryCode.equals(category);
    }
}
