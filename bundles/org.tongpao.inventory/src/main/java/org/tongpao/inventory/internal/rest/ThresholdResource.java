package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.Threshold;

/** {@code /inventory/thresholds}: minimum and reorder levels per depot × item (LOW_STOCK is checked against them). */
@Component(service = ThresholdResource.class, property = JaxRs.RESOURCE)
@Path("inventory/thresholds")
public class ThresholdResource extends InventoryApi {
    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Minimum and reorder levels", description = READERS_NOTE)
    public Page<Threshold> thresholds(@Context Caller caller, @QueryParam("depot") String depot,
            @QueryParam("item") String item) {
        return new Page<>(ledger.thresholds(caller, QueryParams.id("depot", depot), QueryParams.id("item", item)),
                null);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Set the levels of one depot × item")
    public Threshold setThreshold(@Context Caller caller,
            @BeanParam IdempotencyHeader idempotency, @Valid Threshold body) {
        return ledger.setThreshold(caller, body, idempotency.key());
    }
}
