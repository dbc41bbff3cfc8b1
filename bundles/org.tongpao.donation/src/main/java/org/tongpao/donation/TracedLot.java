package org.tongpao.donation;

import java.time.LocalDate;
import org.tongpao.inventory.LotTrace;

/**
 * One lot a donation became: the receipt line it came from (acknowledgement, date, item, accepted quantity) and the
 * inventory's trace of it (every lot derived from it, each movement and transfer with its source document, the
 * designation overrides, the units that finally received the goods).
 */
public record TracedLot(long receiptId, String acknowledgementNumber, LocalDate receivedOn, long itemId,
        String itemCode, long acceptedQuantity, long lotId, LotTrace trace) {
}
