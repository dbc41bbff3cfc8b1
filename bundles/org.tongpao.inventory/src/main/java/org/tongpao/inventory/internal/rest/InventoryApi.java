package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.tags.Tag;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.StockLedger;

/**
 * What every inventory resource (one per aggregate, all under {@code /inventory}) shares: JSON, the OpenAPI
 * tag, the inventory services and the texts of their annotations. The services are injected into these
 * fields by Declarative Services (the bundle builds with bnd's {@code -dsannotations-options: inherit}), so
 * no resource repeats the wiring; {@code @Produces} and {@code @Tag} are inherited annotations.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory", description = "Lots, the append-only stock ledger, balances, reservations, census")
public abstract class InventoryApi {
    static final String READERS_NOTE = "Filtered to the caller's province or depot";

    @Reference
    InventoryService inventory;
    @Reference
    StockLedger ledger;
    @Reference
    ReserveCensus census;
}
