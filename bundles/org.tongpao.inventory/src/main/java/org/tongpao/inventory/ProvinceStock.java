package org.tongpao.inventory;

import java.time.Instant;

/**
 * Stock of one province (null: depots of the ministry itself) in one category, summed from balances:
 * on hand, held for allocations, and available to issue (unexpired, AVAILABLE lots, less reservations).
 * Where another node keeps the province's depot ledgers (federation), these figures are this node's replica:
 * {@code replicatedFrom} names that node and {@code asOf} is when the latest posting applied to the replica
 * was made there (null: none yet); both are null for stock this node keeps itself.
 *
 * {@code deliveredToFrontLine} (1.5) is what has been issued to the province's front-line units (org units at
 * level {@code STATION}) in that category, summed from the ledger's ISSUE movements: goods delivered straight to
 * a station and goods a depot issued to one.
 *
 * @param replicatedFrom       since 1.4
 * @param asOf                 since 1.4
 * @param deliveredToFrontLine since 1.5
 */
public record ProvinceStock(String provinceCode, String categoryCode, long onHand, long reserved, long available,
        String replicatedFrom, Instant asOf, long deliveredToFrontLine) {

    /** The 1.4 form: nothing counted as delivered to the front line. */
    public ProvinceStock(String provinceCode, String categoryCode, long onHand, long reserved, long available,
            String replicatedFrom, Instant asOf) {
        this(provinceCode, categoryCode, onHand, reserved, available, replicatedFrom, asOf, 0);
    }

    /** Stock this node keeps itself. */
    public ProvinceStock(String provinceCode, String categoryCode, long onHand, long reserved, long available) {
        this(provinceCode, categoryCode, onHand, reserved, available, null, null);
    }
}
