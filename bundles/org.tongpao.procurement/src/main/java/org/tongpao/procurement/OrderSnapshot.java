package org.tongpao.procurement;

import java.time.Instant;

/**
 * A purchase order as it stands on the node that keeps it, for federation: the order (its ids are that node's;
 * items, depot and supplier travel by code), the supplier's name and country (central may not know a supplier a
 * province registered itself) and the code of its budget line there. {@code asOf} is when it was last changed;
 * copies move forward by the order's {@code version}.
 */
public record OrderSnapshot(PurchaseOrder order, String supplierName, String supplierCountry, String budgetLineCode,
        Instant asOf) {
}
