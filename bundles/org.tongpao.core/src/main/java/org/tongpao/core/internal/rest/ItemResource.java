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
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Item;
import org.tongpao.core.ItemFilter;
import org.tongpao.core.ItemUpdate;
import org.tongpao.core.NewItem;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /items}: the catalogue's items; everyone reads, ministry roles write. */
@Component(service = ItemResource.class, property = JaxRs.RESOURCE)
@Path(ItemResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {
    static final String PATH = "items";

    private static final String IDEMPOTENCY = "Repeat-safe key; a repeat returns the first result";

    private final CatalogueService catalogue;

    @Activate
    public ItemResource(@Reference CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.PARTNER, Roles.AUDITOR})
    @Operation(summary = "List catalogue items", description = "Keyset-paged by id")
    public Page<Item> list(@Context Caller caller,
            @Parameter(description = "Category code, e.g. MASK") @QueryParam("category") String category,
            @Parameter(description = "Text in code, names or standard") @QueryParam("q") String q,
            @Parameter(description = "true or false") @QueryParam("active") String active,
            @BeanParam PageParams page) {
        ItemFilter filter = new ItemFilter(QueryParams.text(category), QueryParams.text(q), QueryParams.bool("active", active));
        return catalogue.list(caller, filter, page.limit(), page.cursor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.PARTNER, Roles.AUDITOR})
    @Operation(summary = "Get one item")
    public Item get(@Context Caller caller, @PathParam("id") long id) {
        return catalogue.get(caller, id);
    }

    @POST
    @Operation(summary = "Add an item to the catalogue", description = "201 with Location")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Item.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency,
            @Valid NewItem body) {
        Item item = catalogue.create(caller, body, idempotency.key());
        return Created.response(uriInfo, PATH, item.id(), item);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an item", description = "The body carries the version last read; 409 when stale")
    public Item update(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency,
            @Valid ItemUpdate body) {
        return catalogue.update(caller, id, body, idempotency.key());
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an item", description = "Optional version in the body or the query; no body needed")
    public Item deactivate(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = "Version last read (optional)") @QueryParam("version") String version,
            @BeanParam IdempotencyHeader idempotency,
            @RequestBody(required = false, description = "Optional JSON body {\"version\": n}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VersionBody.class))) String body) {
        return catalogue.deactivate(caller, id, Params.version(Params.versionBody(body), version), idempotency.key());
    }
}
