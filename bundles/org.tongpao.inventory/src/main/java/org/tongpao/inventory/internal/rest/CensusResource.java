package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.NewCensus;

/** {@code /inventory/census}: the national reserve census, opened by the ministry, reported by provinces. */
@Component(service = CensusResource.class, property = JaxRs.RESOURCE)
@Path("inventory/census")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
@Consumes(MediaType.APPLICATION_JSON)
public class CensusResource extends InventoryApi {
    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
    @Operation(summary = "Open a reserve census", description = "Every province reports its reserves by the deadline")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Census.class)))
    public Response openCensus(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid NewCensus body) {
        Census c = census.open(caller, body, idempotency.key());
        return Created.response(uriInfo, "inventory/census", c.id(), c);
    }

    @GET
    @Operation(summary = "List censuses")
    public Page<Census> censuses(@Context Caller caller, @BeanParam PageParams page) {
        return census.list(caller, page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Census status and totals", description = "Reported / late per province, totals by province × category")
    public Census census(@Context Caller caller, @PathParam("id") long id) {
        return census.get(caller, id);
    }

    @POST
    @Path("{id}/submissions")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Submit a province's figures", description = "Snapshots the province's balances now; "
            + "optional body {\"declared\":[{categoryCode, quantity, note}]}")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Census.class)))
    public Response submit(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = "Province code (ministry callers only)") @QueryParam("province") String province,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional: the province's declared quantities",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CensusSubmission.class))) String body) {
        Census c = census.submit(caller, id, QueryParams.text(province), submission(body), idempotency.key());
        return Response.status(Response.Status.CREATED).entity(c).build();
    }

    private static CensusSubmission submission(String body) {
        CensusSubmission s = OptionalBody.parse(body, CensusSubmission.class, "declared",
                "the body must be {\"declared\": [{\"categoryCode\": ..., \"quantity\": n, \"note\": ...}]} or empty");
        return s == null ? new CensusSubmission(null) : s;
    }
}
