package org.tongpao.reporting.internal;

import java.util.Map;
import java.util.TreeMap;
import org.tongpao.core.Caller;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.StockLedger;

/**
 * Balances rolled up per depot × item, summed per province × item: the rows the stock, cover and shortage reports
 * start from. A row is province (as a number, 0 for the central reserve), item and the sums.
 */
final class ItemTotals {
    static final int PROVINCE = 0, ITEM = 1, ON_HAND = 2, RESERVED = 3, AVAILABLE = 4;

    private ItemTotals() {
    }

    /** Every balance the caller sees, summed per province × item, keyed {@code province|itemId}. */
    static Map<String, long[]> rollUp(StockLedger ledger, Caller caller) {
        Map<String, long[]> totals = new TreeMap<>();
        BalanceFilter filter = new BalanceFilter(null, null, null, null, null, null, null, true);
        for (StockBalance b : AllPages.read((limit, cursor) -> ledger.balances(caller, filter, limit, cursor))) {
            String province = b.provinceCode() == null ? "" : b.provinceCode();
            long[] r = totals.computeIfAbsent(province + "|" + b.itemId(), k -> of(province, b.itemId()));
            r[ON_HAND] += b.onHand();
            r[RESERVED] += b.reserved();
            r[AVAILABLE] += b.available();
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
