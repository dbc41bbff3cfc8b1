package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.AnsweredInOneCommit;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.NewCount;

/** {@code /inventory/counts}: stock counts, whose differences become COUNT adjustments. */
@Component(service = CountResource.class, property = JaxRs.RESOURCE)
@AnsweredInOneCommit // stock writes touch only this node's database (their events go through the outbox)
@Path("inventory/counts")
public class CountResource extends InventoryApi {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Record a stock count", description = "Differences become COUNT adjustments in one transaction")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CountResult.class)))
    public Response count(@Context Caller caller,
            @BeanParam IdempotencyHeader idempotency, @Valid NewCount body) {
        CountResult r = ledger.count(caller, body, idempotency.key());
        return Response.status(Response.Status.CREATED).entity(r).build();
    }
}
