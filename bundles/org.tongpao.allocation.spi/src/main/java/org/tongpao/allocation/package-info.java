/**
 * Needs of units, key areas, allocation plans, numbered allocation batches and mutual aid between
 * provinces. Stock moves only through {@code org.tongpao.inventory.InventoryService}.
 *
 * <p>1.2: the wide records ({@link org.tongpao.allocation.Plan}, {@link org.tongpao.allocation.Batch},
 * {@link org.tongpao.allocation.BatchLine}, {@link org.tongpao.allocation.Need},
 * {@link org.tongpao.allocation.MutualAidOffer}) have a {@code builder()} and {@code toBuilder()}: make them
 * through the builder. A component added later gets a setter, and the record keeps its former canonical
 * constructor as a delegating one, so the addition is a minor version for readers and builders alike.
 */
@Export
@Version("1.2.0")
package org.tongpao.allocation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
