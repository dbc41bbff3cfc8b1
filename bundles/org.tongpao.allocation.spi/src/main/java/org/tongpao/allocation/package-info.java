/**
 * Needs of units, key areas, allocation plans, numbered allocation batches and mutual aid between
 * provinces. Stock moves only through {@code org.tongpao.inventory.InventoryService}.
 *
 * <p>Growing the records stays a minor change: a component added to a record keeps the former canonical
 * constructor as a delegating one (the new component defaulted), so code built against the older version
 * still links. 1.2: the widest ({@link org.tongpao.allocation.Plan}, {@link org.tongpao.allocation.Batch},
 * {@link org.tongpao.allocation.Need}) have {@code builder()} and {@code toBuilder()}; make them through the
 * builder, which gets a setter for each added component. 1.3: needs replicated from provincial nodes —
 * {@link org.tongpao.allocation.NeedService#replicate}, {@link org.tongpao.allocation.NeedReplica},
 * {@code Need.source}, topic {@code NEED_CHANGED};
 * 1.3 too: {@code AllocationTopics.MUTUAL_AID_INSTRUCTED}; a batch
 * line may be INSTRUCTED (it leaves a depot another node keeps, which is told to dispatch it).
 * 1.4: deliveries to org units without a depot (front-line stations) — {@code Need.deliverToUnit} /
 * {@code NewNeed.deliverToUnit}, {@code PlanLine.toOrgUnitId}, {@code BatchLine.toOrgUnitId},
 * {@code OfferApproval.toOrgUnitId}, {@link org.tongpao.allocation.AllocationService#dispatchLinesToUnit}.
 * 1.4 too: returns — {@link org.tongpao.allocation.AllocationService#returnLines} (a line may be RETURNED: its goods
 * came back into the sending depot), {@link org.tongpao.allocation.AllocationService#noteLines},
 * {@code BatchStatus.RETURNED}, topic {@code BATCH_LINES_RETURNED}.
 * 1.5: {@link org.tongpao.allocation.NeedService#restore} — a provincial node rebuilt from central gets its own
 * needs back under their ids.
 */
@Export
@Version("1.6.0")
package org.tongpao.allocation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
