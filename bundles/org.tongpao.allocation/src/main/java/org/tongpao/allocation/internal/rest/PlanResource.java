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
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.PlanStatus;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /allocation/plans}: proposals ranked by the priority policy, approved into batches. */
@Component(service = PlanResource.class, property = JaxRs.RESOURCE)
@Path("allocation/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocation plans", description = "Who gets what from which depots, with reasons")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
public class PlanResource {
    private final AllocationService allocation;

    @Activate
    public PlanResource(@Reference AllocationService allocation) {
        this.allocation = allocation;
    }

    @GET
    @Operation(summary = "List plans", description = "Without lines; a province officer sees its province's plans")
    public Page<Plan> list(@Context Caller caller,
            @Parameter(description = "DRAFT, APPROVED, REJECTED, SUPERSEDED") @QueryParam("status") String status,
            @BeanParam PageParams page) {
        return allocation.plans(caller, QueryParams.enumValue(PlanStatus.class, "status", status),
                page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a plan", description = "With per-need outcomes (rank, reason, short reason) and lines")
    public Plan get(@Context Caller caller, @PathParam("id") long id) {
        return allocation.plan(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Propose a plan", description = "For one item or category, a province or the nation; "
            + "supersedes older drafts of the same scope")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Plan.class)))
    public Response propose(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid PlanRequest body) {
        Plan p = allocation.propose(caller, body, idempotency.key());
        return Created.response(uriInfo, "allocation/plans", p.id(), p);
    }

    @POST
    @Path("{id: [0-9]+}/approve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Approve a plan", description = "A different person than the planner; reserves every line "
            + "(all or nothing, 409 naming a refused line) and answers 201 with the batch")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Batch.class)))
    public Response approve(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "No body needed",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = "object"))) String body) {
        Batch b = allocation.approve(caller, id, idempotency.key());
        return Created.response(uriInfo, "allocation/batches", b.id(), b);
    }

    @POST
    @Path("{id: [0-9]+}/reject")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Reject a plan", description = "Optional body {\"note\": \"...\"}")
    public Plan reject(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"note\": \"...\"}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Bodies.Note.class))) String body) {
        Bodies.Note note = Params.optionalBody(body, Bodies.Note.class, "note");
        return allocation.reject(caller, id, note == null ? null : note.note(), idempotency.key());
    }
}
