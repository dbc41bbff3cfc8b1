package org.tongpao.core.internal.rest;

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
import javax.ws.rs.PUT;
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
import org.tongpao.core.Caller;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotFilter;
import org.tongpao.core.DepotService;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /depots}: places that hold stock, filtered by the caller's scope. */
@Component(service = DepotResource.class, property = JaxRs.RESOURCE)
@Path(DepotResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Depots", description = "Places that hold stock, each owned by an org unit")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
@Consumes(MediaType.APPLICATION_JSON)
public class DepotResource {
    static final String PATH = "depots";

    private static final String IDEMPOTENCY = "Repeat-safe key; a repeat returns the first result";

    private final DepotService depots;

    @Activate
    public DepotResource(@Reference DepotService depots) {
        this.depots = depots;
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.AUDITOR})
    @Operation(summary = "List depots", description = "Keyset-paged by id; filtered to the caller's province or depot")
    public Page<Depot> list(@Context Caller caller,
            @Parameter(description = "Province code, e.g. 42") @QueryParam("province") String province,
            @Parameter(description = "Owner org unit id") @QueryParam("unit") String unit,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @Parameter(description = "Text in code or name") @QueryParam("q") String q,
            @BeanParam PageParams page) {
        DepotFilter filter = new DepotFilter(QueryParams.text(province), QueryParams.id("unit", unit),
                QueryParams.bool("active", active), QueryParams.text(q));
        return depots.list(caller, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.AUDITOR})
    @Operation(summary = "Get one depot", description = "404 also when it lies outside the caller's scope")
    public Depot get(@Context Caller caller, @PathParam("id") long id) {
        return depots.get(caller, id);
    }

    @POST
    @Operation(summary = "Create a depot", description = "201 with Location; owned by an active org unit")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Depot.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewDepot body) {
        Depot depot = depots.create(caller, body, idempotency.key());
        return Created.response(uriInfo, PATH, depot.id(), depot);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a depot", description = "The body carries the version last read; 409 when stale")
    public Depot update(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @Valid DepotUpdate body) {
        return depots.update(caller, id, body, idempotency.key());
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a depot", description = "Optional version in the body or the query")
    public Depot deactivate(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = "Version last read (optional)") @QueryParam("version") String version,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"version\": n}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionBody.class))) String body) {
        return depots.deactivate(caller, id, Params.version(Params.versionBody(body), version), idempotency.key());
    }
}
