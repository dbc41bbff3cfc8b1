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
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitFilter;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /units}: the organisation tree, filtered by the caller's scope. */
@Component(service = OrgUnitResource.class, property = JaxRs.RESOURCE)
@Path(OrgUnitResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "Ministry, provincial departments, city and county bureaus, stations")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
@Consumes(MediaType.APPLICATION_JSON)
public class OrgUnitResource {
    static final String PATH = "units";

    private static final String IDEMPOTENCY = "Repeat-safe key; a repeat returns the first result";

    private final OrgUnitService units;

    @Activate
    public OrgUnitResource(@Reference OrgUnitService units) {
        this.units = units;
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "List org units", description = "Keyset-paged by id; a province officer sees its province")
    public Page<OrgUnit> list(@Context Caller caller,
            @Parameter(description = "Province code, e.g. 42") @QueryParam("province") String province,
            @Parameter(description = "Parent unit id") @QueryParam("parent") String parent,
            @Parameter(description = "MINISTRY, PROVINCE, PREFECTURE, COUNTY or STATION") @QueryParam("level")
            String level,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @Parameter(description = "Text in code or names") @QueryParam("q") String q,
            @BeanParam PageParams page) {
        OrgUnitFilter filter = new OrgUnitFilter(QueryParams.text(province), QueryParams.id("parent", parent),
                Params.level(level), QueryParams.bool("active", active), QueryParams.text(q));
        return units.list(caller, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Get one org unit", description = "404 also when it lies outside the caller's province")
    public OrgUnit get(@Context Caller caller, @PathParam("id") long id) {
        return units.get(caller, id);
    }

    @POST
    @Operation(summary = "Create an org unit", description = "201 with Location; one level below an active parent")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = OrgUnit.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewOrgUnit body) {
        OrgUnit unit = units.create(caller, body, idempotency.key());
        return Created.response(uriInfo, PATH, unit.id(), unit);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an org unit", description = "The body carries the version last read; 409 when stale")
    public OrgUnit update(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @Valid OrgUnitUpdate body) {
        return units.update(caller, id, body, idempotency.key());
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an org unit", description = "409 while it has active children or depots")
    public OrgUnit deactivate(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = "Version last read (optional)") @QueryParam("version") String version,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"version\": n}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionBody.class))) String body) {
        return units.deactivate(caller, id, Params.version(Params.versionBody(body), version), idempotency.key());
    }
}
