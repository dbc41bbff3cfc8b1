/**
 * Stock: lots, the append-only ledger of movements, balances, reservations. Other bundles
 * (procurement, donation, allocation, transport) move stock only through {@link org.tongpao.inventory.InventoryService}.
 *
 * <p>Growing the records stays a minor change: a component added to a record keeps the former canonical
 * constructor as a delegating one (the new component defaulted), so code built against the older version
 * still links. 1.3: the commands callers build ({@link org.tongpao.inventory.NewReceipt},
 * {@link org.tongpao.inventory.NewIssue}, {@link org.tongpao.inventory.NewTransfer}) and the widest views
 * ({@link org.tongpao.inventory.Lot}, {@link org.tongpao.inventory.Movement}) have {@code builder()} and
 * {@code toBuilder()}; make them through the builder, which gets a setter for each added component.
 * 1.4: {@link org.tongpao.inventory.ReplicaLedger} (replicas of depots another node keeps) and
 * {@link org.tongpao.inventory.ProvinceStock#replicatedFrom()}/{@code asOf()}; transfers whose other end is on
 * another node ({@link org.tongpao.inventory.CrossNodeTransfers}, {@link org.tongpao.inventory.CrossNodeTransfer},
 * {@link org.tongpao.inventory.CrossNodeTransferListener}, {@code Transfer.crossNodeId}).
 * 1.4 too: the census answered by other nodes — {@link org.tongpao.inventory.ReserveCensus#openReplica},
 * {@link org.tongpao.inventory.ReserveCensus#recordAnswer}, {@link org.tongpao.inventory.CensusAnswer}, the
 * census's {@code source} and each answer's {@code node}, {@code receivedAt}, {@code ageSeconds}; topic
 * {@code CENSUS_OPENED}.
 * 1.5: deliveries to org units without a depot — {@link org.tongpao.inventory.InventoryService#dispatchToUnit},
 * {@code Transfer.toOrgUnitId}, {@code ProvinceStock.deliveredToFrontLine}.
 * 1.5 too: {@link org.tongpao.inventory.InventoryService#returnTransfer} and {@code Transfer.Status.RETURNED}.
 * 1.6: designated stock and lot traceability — {@link org.tongpao.inventory.Designation} ({@code NewReceipt.designation},
 * {@code Lot.designation}), {@code overrideReason} on {@code NewIssue}, {@code NewTransfer}, {@code DispatchOrder},
 * {@link org.tongpao.inventory.Destination}, {@code InventoryService.available(…, Destination)},
 * {@code InventoryService.designated}, {@code InventoryService.reserve(…, Destination, …)},
 * {@link org.tongpao.inventory.DesignatedStock}, {@link org.tongpao.inventory.DesignationOverride},
 * {@link org.tongpao.inventory.StockLedger#trace} ({@link org.tongpao.inventory.LotTrace}),
 * {@code StockLedger.receivedBy}/{@code origins}/{@code transferOrigins} ({@link org.tongpao.inventory.Provenance}),
 * topic {@code DESIGNATION_OVERRIDDEN}.
 * 1.7: the trace a page at a time — {@code StockLedger.trace(caller, lotId, limit, cursor)}, {@code LotTrace.nextCursor}.
 * Also 1.7: summaries kept in every movement's transaction — {@link org.tongpao.inventory.StockLedger#itemStock}
 * ({@link org.tongpao.inventory.ItemStock}) and {@link org.tongpao.inventory.StockLedger#movementTotals}
 * ({@link org.tongpao.inventory.MovementTotal}); {@code nationalStock} reads the same summary.
 * Also 1.7: designations cross nodes — {@link org.tongpao.inventory.NodeDesignation} on {@code ReplicaLot.designation}
 * (a replica lot keeps it) and {@code CrossNodeTransfer.Line.designation} (the receiver's lot inherits it).
 * 1.8: {@link org.tongpao.inventory.StockLedger#stock} ({@link org.tongpao.inventory.StockSnapshot}): national stock by
 * category and by item from one read of the summary.
 * 1.9: {@link org.tongpao.inventory.StockLedger#receiveAll} ({@link org.tongpao.inventory.ReceivedLots}): many receipts
 * in one transaction under one Idempotency-Key, written with JDBC batches — the same lots, balances, ledger and
 * summaries as as many single receipts; {@link org.tongpao.inventory.StockLedger#checkReceipts} applies the same rules
 * and writes nothing; both refuse with {@link org.tongpao.inventory.ReceiptsRefusedException}, naming every bad receipt.
 * Also 1.9: {@link org.tongpao.inventory.StockLedger#onward} ({@link org.tongpao.inventory.LotOnward}): what went onward
 * from many lots in a period, read grouped instead of one trace per lot (the donations report).
 * 1.10: the earliest expiry per province × item — {@link org.tongpao.inventory.StockLedger#earliestExpiry} and
 * {@link org.tongpao.inventory.StockLedger#expiringBefore} ({@link org.tongpao.inventory.ExpiryStock}), from a
 * province × item × expiry day summary kept in every movement's transaction.
 * 1.11: {@link org.tongpao.inventory.StockLedger#recentStock} ({@link org.tongpao.inventory.RecentStock}): the item
 * summary, a window's movement sums and the transfers in transit from one read transaction (the cover report).
 * 1.11 also: reservations reach central — topic {@link org.tongpao.inventory.InventoryTopics#RESERVED} (a reservation held or
 * released), MOVEMENT's lots carry {@code reserved} where the write changed it, {@link org.tongpao.inventory.ReplicaLot#reserved}
 * and {@link org.tongpao.inventory.ReplicaPosting#sequence}: a replica lot keeps the origin's reserved quantity, the
 * newest by the origin's sequence.
 * 1.11 also: a rebuilt node's transfers — {@link org.tongpao.inventory.CrossNodeTransfers#restoreSent} (its own
 * transfer-out still in transit, recorded again without moving stock) and {@code CrossNodeTransfers.crossNodeTransfers}
 * by province.
 * 1.12: {@link org.tongpao.inventory.StockLedger#stockAsOf} ({@link org.tongpao.inventory.StockAsOf}): on hand per
 * province × item at a cut-off and the window's movement sums, read from the stock summary less the movements since
 * the cut-off, so the daily report's cost follows the time since its window's start, not the history.
 */
@Export
@Version("1.12.0")
package org.tongpao.inventory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
