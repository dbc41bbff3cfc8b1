package org.tongpao.core;

import java.time.Instant;
import java.util.Set;

/** A catalogued article. {@code standard} and {@code shelfLifeMonths} are null where none applies. */
public record Item(long id, String code, String categoryCode, String name, String nameZh, String unit,
        String standard, Integer shelfLifeMonths, boolean active, long version, Instant createdAt,
        Instant updatedAt) {

    /** Units of measure an item may be counted in. */
    public static final Set<String> UNITS = Set.of("piece", "set", "pair", "box", "pack", "bottle", "litre",
            "kg", "roll", "carton");
}
