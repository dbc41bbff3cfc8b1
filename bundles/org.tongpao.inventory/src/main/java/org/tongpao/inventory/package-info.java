/**
 * Stock: lots, the append-only ledger of movements, balances, reservations. Other bundles
 * (procurement, donation, allocation, transport) move stock only through {@link org.tongpao.inventory.InventoryService}.
 */
@Export
@Version("1.2.0")
package org.tongpao.inventory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
