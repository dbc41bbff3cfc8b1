package org.tongpao.donation.internal;

import java.util.ArrayList;
import java.util.List;
import org.tongpao.inventory.LotOnward;
import org.tongpao.inventory.LotTrace;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.StockLedger;

/** What the donations summary did before the grouped read: each lot's trace, a page at a time, summed here. */
final class TracePerLot {

    private TracePerLot() {
    }

    static Summaries.Onward over(StockLedger ledger) {
        return (platform, lotIds, lo, hi) -> {
            List<LotOnward> out = new ArrayList<>();
            for (long lotId : lotIds) {
                long passedOn = 0;
                long delivered = 0;
                String cursor = null;
                do {
                    LotTrace page = ledger.trace(platform, lotId, 500, cursor);
                    for (Movement m : page.movements()) {
                        if (m.occurredAt().isBefore(lo) || !m.occurredAt().isBefore(hi)) {
                            continue;
                        }
                        boolean onward = m.type() == MovementType.ISSUE || m.type() == MovementType.TRANSFER_OUT;
                        if (onward && m.lotId() == lotId) {
                            passedOn += Math.abs(m.quantity());
                        }
                        if (m.type() == MovementType.ISSUE && m.orgUnitId() != null) {
                            delivered += Math.abs(m.quantity());
                        }
                    }
                    cursor = page.nextCursor();
                } while (cursor != null);
                out.add(new LotOnward(lotId, passedOn, delivered));
            }
            return out;
        };
    }
}
