package org.example.jinghua.channel.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.OfferLine;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.SupplyOrigin;

/**
 * Jinghua's products as Tongpao catalogue items: which SKU is which item, the standard it is certified
 * against, the factory's lead time in days (to dispatch, plus two days on the road) and its weekly capacity.
 */
final class Catalogue {
    /** Days between leaving the factory and arriving anywhere on the mainland. */
    static final int TRANSIT_DAYS = 2;

    private record Product(String itemCode, String sku, String standard, int leadDays, long weeklyCapacity) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("MASK-MEDPROT", "JH-19083", "GB 19083-2010", 5, 2_000_000),
            new Product("MASK-KN95", "JH-KN95", "GB 2626-2019", 3, 5_000_000),
            new Product("MASK-SURGICAL", "JH-0469", "YY 0469-2011", 2, 10_000_000));
    private static final Map<String, String> SKU_BY_ITEM = PRODUCTS.stream()
            .collect(Collectors.toUnmodifiableMap(Product::itemCode, Product::sku));

    static final ChannelOffer OFFER = new ChannelOffer("Jinghua Protective Products", Set.of(SupplyOrigin.DOMESTIC),
            "CNY", PRODUCTS.stream().map(p -> OfferLine.item(p.itemCode(), p.standard(), p.leadDays() + TRANSIT_DAYS,
                    p.weeklyCapacity())).toList(), Set.of(ProgressMode.PULL, ProgressMode.PUSH));

    private Catalogue() {
    }

    /** Jinghua's SKU for a Tongpao item, if it makes it. */
    static Optional<String> sku(String itemCode) {
        return Optional.ofNullable(SKU_BY_ITEM.get(itemCode));
    }
}
