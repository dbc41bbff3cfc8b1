package org.example.jinghua.simulator;

import java.math.BigDecimal;

/**
 * One product in the factory's catalogue: its stock-keeping unit, the standard it is certified against,
 * the list price per piece in CNY, days from confirmation to dispatch, pieces it can make a week, and the
 * smallest order it takes.
 */
public record Product(String sku, String name, String standard, BigDecimal unitPrice, int leadDays,
        long weeklyCapacity, long minimumOrder) {

    /** Medical protective mask, GB 19083-2010. */
    public static final Product MEDICAL_MASK = new Product("JH-19083", "Medical protective mask (N95 grade)",
            "GB 19083-2010", new BigDecimal("2.80"), 5, 2_000_000, 10_000);
    /** Daily protective mask, GB 2626-2019 KN95. */
    public static final Product KN95 = new Product("JH-KN95", "KN95 respirator", "GB 2626-2019",
            new BigDecimal("1.20"), 3, 5_000_000, 10_000);
    /** Medical surgical mask, YY 0469-2011. */
    public static final Product SURGICAL_MASK = new Product("JH-0469", "Medical surgical mask", "YY 0469-2011",
            new BigDecimal("0.45"), 2, 10_000_000, 50_000);
}
