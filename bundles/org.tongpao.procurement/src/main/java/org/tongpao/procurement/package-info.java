/**
 * Procurement: suppliers (qualified standards per item, weekly capacity, contact, performance), purchase orders
 * (lines, two-step or emergency approval, funding commitment, placing through a channel, partial deliveries,
 * cancellation), receipts against an order that put accepted goods into inventory as lots whose origin is the
 * order line, and the supplier capacity view. Channels plug in through {@code org.tongpao.procurement.api}.
 * 1.1: stored quotes ({@link org.tongpao.procurement.StoredQuote}) turned into draft orders, editable drafts.
 * 1.2: the list of stored quotes ({@link org.tongpao.procurement.QuoteFilter}, {@link org.tongpao.procurement.QuoteStatus}).
 * 1.4: a node rebuilt from central numbers its orders above every one central holds a copy of
 * ({@code ProcurementService.replicaNumbering}, {@code continueNumberingAbove}).
 */
@Export
@Version("1.4.0")
package org.tongpao.procurement;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
