package org.tongpao.inventory;

import java.util.List;

/**
 * Where goods came from, read backwards ({@link StockLedger#receivedBy}, {@link StockLedger#origins}): one
 * movement (an issue to a unit, a transfer-out, …), the lot path from the root lot down to the movement's lot
 * ({@code lotPath}, root first), and the root lot's origin, source document (the purchase order, donation
 * receipt…), depot, receipt date and designation.
 *
 * @since 1.6
 */
public record Provenance(Movement movement, List<Long> lotPath, long rootLotId, long rootDepotId, LotOrigin origin,
        String sourceDocument, java.time.LocalDate receivedOn, Designation designation) {
    public Provenance {
        lotPath = List.copyOf(lotPath);
    }
}
