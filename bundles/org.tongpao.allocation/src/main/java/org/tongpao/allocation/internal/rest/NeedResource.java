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
import javax.ws.rs.DELETE;
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
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.Need;
import org.tongpao.allocation.NeedFilter;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.NeedState;
import org.tongpao.allocation.NewKeyArea;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.Urgency;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /needs}: units' needs and the ministry's key areas. */
@Component(service = NeedResource.class, property = JaxRs.RESOURCE)
@Path("needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "What units need, how urgently, and the declared key areas")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
public class NeedResource {
    static final String IDEMPOTENCY = "Repeat-safe key; a repeat returns the first result";

    private final NeedService needs;

    @Activate
    public NeedResource(@Reference NeedService needs) {
        this.needs = needs;
    }

    @GET
    @Operation(summary = "List needs", description = "Keyset-paged by id; a province officer sees its province")
    public Page<Need> list(@Context Caller caller,
            @Parameter(description = "Province code, e.g. 42") @QueryParam("province") String province,
            @Parameter(description = "Org unit id") @QueryParam("unit") String unit,
            @Parameter(description = "OPEN, PARTLY_ALLOCATED, ALLOCATED, FULFILLED, CANCELLED") @QueryParam("state")
            String state,
            @Parameter(description = "IMMEDIATE, H72, ROUTINE") @QueryParam("urgency") String urgency,
            @Parameter(description = "Item id") @QueryParam("item") String item,
            @Parameter(description = "Category code (needs for any item of it)") @QueryParam("category") String category,
            @BeanParam PageParams page) {
        NeedFilter filter = new NeedFilter(QueryParams.text(province), QueryParams.id("unit", unit),
                QueryParams.enumValue(NeedState.class, "state", state), QueryParams.enumValue(Urgency.class, "urgency", urgency),
                QueryParams.id("item", item), QueryParams.text(category));
        return needs.list(caller, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get one need", description = "404 also when it lies outside the caller's province")
    public Need get(@Context Caller caller, @PathParam("id") long id) {
        return needs.get(caller, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Record a need", description = "201 with Location; exactly one of itemId and categoryCode; "
            + "deliverToUnit true delivers to the unit itself (a front-line station without a depot), "
            + "not with receivingDepotId")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Need.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewNeed body) {
        Need n = needs.create(caller, body, idempotency.key());
        return Created.response(uriInfo, "needs", n.id(), n);
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Cancel a need", description = "409 when fulfilled or already cancelled")
    public Need cancel(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "No body needed",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = "object"))) String body) {
        return needs.cancel(caller, id, idempotency.key());
    }

    @GET
    @Path("key-areas")
    @Operation(summary = "List key areas", description = "Provinces and org-unit subtrees declared by the ministry")
    public Page<KeyArea> keyAreas(@Context Caller caller) {
        return new Page<>(needs.keyAreas(caller), null);
    }

    @POST
    @Path("key-areas")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
    @Operation(summary = "Declare a key area", description = "A province code or an org unit id (its subtree)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = KeyArea.class)))
    public Response declare(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewKeyArea body) {
        KeyArea a = needs.declareKeyArea(caller, body, idempotency.key());
        return Created.response(uriInfo, "needs/key-areas", a.id(), a);
    }

    @DELETE
    @Path("key-areas/{id: [0-9]+}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
    @Operation(summary = "Remove a key area", description = "204; needs lose the flag unless another area covers them")
    @ApiResponse(responseCode = "204", description = "Removed")
    public Response remove(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency) {
        needs.removeKeyArea(caller, id, idempotency.key());
        return Response.noContent().build();
    }
}
