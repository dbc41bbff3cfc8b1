package org.tongpao.allocation.internal;

import javax.sql.DataSource;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.inventory.InventoryService;

/** What the parts of the allocation service share: the schema's data source, the services they call, events. */
record AllocationContext(DataSource ds, OrgUnitService units, CatalogueService catalogue, DepotService depots,
        ProvinceRegistry provinces, InventoryService inventory, AuditTrail audit, IdempotencyKeys keys,
        PolicySelector policies, AllocationEvents events, LedgerKeepers keepers, EntryGates gates) {

    /** Who may see what (stateless but for the depot look-up). */
    AllocationScope scope() {
        return new AllocationScope(depots);
    }

    /** The approval saga both plans and offers go through (stateless). */
    BatchApproval approval() {
        return new BatchApproval(this);
    }
}
