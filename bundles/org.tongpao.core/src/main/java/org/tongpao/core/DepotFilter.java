package org.tongpao.core;

/** List filter for depots; null fields do not filter. {@code q} matches code or name. */
public record DepotFilter(String province, Long orgUnitId, Boolean active, String q) {
    public static DepotFilter all() {
        return new DepotFilter(null, null, null, null);
    }
}
