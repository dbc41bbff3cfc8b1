package org.tongpao.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.inventory.ItemStock;
import org.tongpao.inventory.StockLedger;

/**
 * Stock per province × item: the rows the stock, cover and shortage reports
 * start from. A row is province (as a number, 0 for the central reserve), item and the sums.
 */
final class ItemTotals {
    static final int PROVINCE = 0, ITEM = 1, ON_HAND = 2, RESERVED = 3, AVAILABLE = 4;

    private ItemTotals() {
    }

    /**
     * The caller's stock per province × item, keyed {@code province|itemId}: read from the summary the inventory keeps
     * in every movement's transaction ({@link StockLedger#itemStock}), so its cost follows provinces × items, not the
     * number of depots or lots.
     */
    static Map<String, long[]> rollUp(StockLedger ledger, Caller caller) {
        return rollUp(ledger.itemStock(caller));
    }

    /** The same from rows already read ({@link StockLedger#stock}). */
    static Map<String, long[]> rollUp(List<ItemStock> rows) {
        Map<String, long[]> totals = new TreeMap<>();
        for (ItemStock s : rows) {
            String province = s.provinceCode() == null ? "" : s.provinceCode();
            long[] r = totals.computeIfAbsent(province + "|" + s.itemId(), k -> of(province, s.itemId()));
            r[ON_HAND] += s.onHand();
            r[RESERVED] += s.reserved();
            r[AVAILABLE] += s.available();
        }
        return totals;
    }

    static long[] of(String province, long itemId) {
        return new long[] {province.isEmpty() ? 0 : Long.parseLong(province), itemId, 0, 0, 0};
    }

    static String province(long[] r) {
        return r[PROVINCE] == 0 ? "" : String.valueOf(r[PROVINCE]);
    }
}
