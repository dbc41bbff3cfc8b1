package org.tongpao.transport.passes.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.documents.Documents;
import org.tongpao.transport.passes.internal.NewPass;
import org.tongpao.transport.passes.internal.Pass;
import org.tongpao.transport.passes.internal.PassService;
import org.tongpao.transport.passes.internal.Revocation;

/** {@code /shipments/{id}/passes}: a shipment's entry passes, one per area it crosses. */
@Component(service = PassResource.class, property = JaxRs.RESOURCE)
@Path("shipments/{shipmentId: [0-9]+}/passes")
// every reader's roles (the shipment's scope rules apply); the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entry passes", description = "Passes for the areas a shipment crosses, printable with a QR code a "
        + "checkpoint verifies")
public class PassResource {
    private static final String WRITERS_NOTE = "Officers in scope of the shipment (a province officer: shipments "
            + "from or to its province)";

    private final PassService passes;

    @Activate
    public PassResource(@Reference PassService passes) {
        this.passes = passes;
    }

    @GET
    @Operation(summary = "List the shipment's entry passes", description = "Oldest first, each with its status now")
    public Page<Pass> list(@Context Caller caller, @PathParam("shipmentId") long shipmentId,
            @BeanParam PageParams page) {
        return passes.passes(caller, shipmentId, page.limit(), page.cursor());
    }

    @GET
    @Path("{passId: [0-9]+}")
    @Operation(summary = "Get an entry pass")
    public Pass get(@Context Caller caller, @PathParam("shipmentId") long shipmentId,
            @PathParam("passId") long passId) {
        return passes.get(caller, shipmentId, passId);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Issue an entry pass for one area the shipment crosses", description = WRITERS_NOTE
            + ". The area is exactly one of keyAreaId, orgUnitId or areaName; the window at most maxValidityDays "
            + "(org.tongpao.transport.passes, 30 by default)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Pass.class)))
    public Response issue(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("shipmentId") long shipmentId,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull NewPass body) {
        Pass p = passes.issue(caller, shipmentId, body, idempotency.key());
        return Created.response(uriInfo, "shipments/" + shipmentId + "/passes", p.id(), p);
    }

    @POST
    @Path("{passId: [0-9]+}/print")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(Documents.PDF)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Print the entry pass as PDF", description = WRITERS_NOTE + ". Chinese with English labels "
            + "and a QR code of the public verification URL with a fresh code: the pass's earlier print-outs stop "
            + "verifying (SUPERSEDED). A revoked or expired pass is not printed (409)")
    @ApiResponse(responseCode = "200", description = "The pass, application/pdf",
            content = @Content(mediaType = Documents.PDF, schema = @Schema(type = "string", format = "binary")))
    public Response print(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("shipmentId") long shipmentId,
            @PathParam("passId") long passId) {
        PassService.Printed printed = passes.print(caller, shipmentId, passId, Created.base(uriInfo));
        return Response.ok(printed.pdf(), Documents.PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + printed.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{passId: [0-9]+}/revoke")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Revoke an entry pass", description = WRITERS_NOTE + ". Checkpoints see REVOKED from the "
            + "next scan on; audited with who, when and why. Revoking a revoked pass changes nothing")
    public Pass revoke(@Context Caller caller, @PathParam("shipmentId") long shipmentId,
            @PathParam("passId") long passId, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull Revocation body) {
        return passes.revoke(caller, shipmentId, passId, body.reason(), idempotency.key());
    }
}
