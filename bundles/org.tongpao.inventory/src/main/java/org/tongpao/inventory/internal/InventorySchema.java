package org.tongpao.inventory.internal;

import org.osgi.annotation.bundle.Requirement;

/**
 * The inventory's schema and what it needs of core's. Its SQL reads core's records only through the read
 * views of version 1 of core's published contract ({@code tp_core_v1_*}), and this requirement puts that
 * dependency where the OSGi resolver sees it: no core that provides a 1.x contract, no inventory.
 */
@Requirement(namespace = "tongpao.schema", filter = "(&(tongpao.schema=core)(version>=1.0.0)(!(version>=2.0.0)))")
final class InventorySchema {
    private InventorySchema() {
    }
}
