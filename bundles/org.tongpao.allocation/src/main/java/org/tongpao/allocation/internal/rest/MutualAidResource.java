package org.tongpao.allocation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.OfferStatus;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /allocation/mutual-aid}: offers from one province to another, brokered by the ministry. */
@Component(service = MutualAidResource.class, property = JaxRs.RESOURCE)
@Path("allocation/mutual-aid")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mutual aid", description = "Province-to-province offers, approved into batches by the ministry")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
public class MutualAidResource {
    private final AllocationService allocation;

    @Activate
    public MutualAidResource(@Reference AllocationService allocation) {
        this.allocation = allocation;
    }

    @GET
    @Operation(summary = "List offers", description = "A province officer sees offers from or to its province")
    public Page<MutualAidOffer> list(@Context Caller caller,
            @Parameter(description = "OFFERED, APPROVED, REJECTED") @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return allocation.offers(caller, QueryParams.enumValue(OfferStatus.class, "status", status),
                page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get an offer")
    public MutualAidOffer get(@Context Caller caller, @PathParam("id") long id) {
        return allocation.getOffer(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_OFFICER)
    @Operation(summary = "Offer stock to another province", description = "From a depot of the caller's province")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = MutualAidOffer.class)))
    public Response offer(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewMutualAidOffer body) {
        MutualAidOffer o = allocation.offer(caller, body, idempotency.key());
        return Created.response(uriInfo, "allocation/mutual-aid", o.id(), o);
    }

    @POST
    @Path("{id: [0-9]+}/approve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed(Roles.MINISTRY_ADMIN)
    @Operation(summary = "Broker an offer into a batch", description = "Optional body {\"toDepotId\": n, "
            + "\"needId\": n}, or {\"toOrgUnitId\": n} to deliver straight to an org unit of the receiving province "
            + "without a depot (a front-line station); reserves the stock and answers 201 with the batch")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Batch.class)))
    public Response approve(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"toDepotId\": n | \"toOrgUnitId\": n, \"needId\": n}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OfferApproval.class))) String body) {
        Batch b = allocation.approveOffer(caller, id, Params.optionalBody(body, OfferApproval.class, "toDepotId"),
                idempotency.key());
        return Created.response(uriInfo, "allocation/batches", b.id(), b);
    }

    @POST
    @Path("{id: [0-9]+}/reject")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
    @Operation(summary = "Reject an offer", description = "Optional body {\"note\": \"...\"}")
    public MutualAidOffer reject(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"note\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Note.class))) String body) {
        Bodies.Note note = Params.optionalBody(body, Bodies.Note.class, "note");
        return allocation.rejectOffer(caller, id, note == null ? null : note.note(), idempotency.key());
    }
}
