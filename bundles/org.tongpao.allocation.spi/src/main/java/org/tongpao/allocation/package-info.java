/**
 * Needs of units, key areas, allocation plans, numbered allocation batches and mutual aid between
 * provinces. Stock moves only through {@code org.tongpao.inventory.InventoryService}.
 */
@Export
@Version("1.1.0")
package org.tongpao.allocation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
