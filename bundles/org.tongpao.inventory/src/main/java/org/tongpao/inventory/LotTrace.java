package org.tongpao.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.tongpao.core.OrgLevel;

/**
 * Where a lot's goods went ({@link StockLedger#trace}): {@code lot}, the lots above it back to its root
 * ({@code ancestors}, root first: a lot made by a transfer-in names its parent), {@code lots} (the lot and every lot
 * derived from it through transfers, at any depth, also when it was split over several transfers, in id order),
 * every {@code movements} row of those lots in the order they happened (receipts, issues, transfers out and in,
 * count and other adjustments, write-offs, deliveries to units), the {@code transfers} that moved them with their
 * source documents (the allocation batch or shipment reference recorded), the designation {@code overrides}, and
 * the org units that finally received the goods ({@code receivers}: issued less nothing, one row per unit × item).
 *
 * {@code nextCursor} (1.7): on a trace read a page at a time ({@link StockLedger#trace(org.tongpao.core.Caller, long,
 * int, String)}), the next page's cursor; null on the last page and on a whole trace.
 *
 * @since 1.6
 */
public record LotTrace(Lot lot, List<Lot> ancestors, List<Lot> lots, List<Movement> movements,
        List<Transfer> transfers, List<DesignationOverride> overrides, List<Receiver> receivers, String nextCursor) {

    /** The 1.6 form: a whole trace. */
    public LotTrace(Lot lot, List<Lot> ancestors, List<Lot> lots, List<Movement> movements, List<Transfer> transfers,
            List<DesignationOverride> overrides, List<Receiver> receivers) {
        this(lot, ancestors, lots, movements, transfers, overrides, receivers, null);
    }

    public LotTrace {
        ancestors = List.copyOf(ancestors);
        lots = List.copyOf(lots);
        movements = List.copyOf(movements);
        transfers = List.copyOf(transfers);
        overrides = List.copyOf(overrides);
        receivers = List.copyOf(receivers);
    }

    /**
     * An org unit that received goods of the traced lots for use (ISSUE movements, including deliveries to units):
     * the unit's code, name, level and province, and the quantity of one item. {@code frontLine}: level STATION.
     */
    @Schema(name = "LotTraceReceiver")
    public record Receiver(long orgUnitId, String unitCode, String unitName, OrgLevel level, String provinceCode,
            boolean frontLine, long itemId, long quantity) {
    }
}
