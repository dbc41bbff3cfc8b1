package org.tongpao.allocation;

/** List filter for needs; null fields do not filter. */
public record NeedFilter(String province, Long orgUnitId, NeedState state, Urgency urgency, Long itemId,
        String categoryCode) {
    public static NeedFilter all() {
        return new NeedFilter(null, null, null, null, null, null);
    }
}
