package org.tongpao.inventory.internal;

/**
 * The short-dated scan, run daily by {@link ShortDatedScheduler} and on demand by
 * {@code tongpao:short-dated-scan}: announces each lot that came within the short-dated threshold once
 * (SHORT_DATED, remembered in {@code tp_inv_short_dated}), and marks AVAILABLE lots past their expiry date
 * EXPIRED (LOT_STATUS, audited). Internal: registered by {@link InventoryComponent}.
 */
public interface ShortDatedScan {

    /** What one scan did. */
    record Result(int flagged, int expired) {
    }

    Result scan();
}
