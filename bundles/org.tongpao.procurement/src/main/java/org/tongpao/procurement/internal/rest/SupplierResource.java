package org.tongpao.procurement.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
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
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.Supplier;

/** {@code /procurement/suppliers}: register and read suppliers. */
@Component(service = SupplierResource.class, property = JaxRs.RESOURCE)
@Path("procurement/suppliers")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.DEPOT_KEEPER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement", description = "Suppliers, purchase orders, receipts against orders, supplier capacity")
public class SupplierResource {
    private static final String CONTACT_NOTE = "The contact person (personal data) is returned to procurement "
            + "officers and the ministry administrator only; a province's buyer sees national suppliers and its own";

    private final ProcurementService procurement;

    @Activate
    public SupplierResource(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @GET
    @Operation(summary = "List suppliers", description = CONTACT_NOTE)
    public Page<Supplier> list(@Context Caller caller,
            @Parameter(description = "only suppliers qualified for this item id") @QueryParam("item") String item,
            @BeanParam PageParams page) {
        return procurement.suppliers(caller, QueryParams.id("item", item), page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a supplier", description = "With its qualifications and performance. " + CONTACT_NOTE)
    public Supplier get(@Context Caller caller, @PathParam("id") long id) {
        return procurement.supplier(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROCUREMENT_OFFICER})
    @Operation(summary = "Register a supplier", description = "With the standards it is qualified to per item, its "
            + "weekly capacity and lead time; a province's buyer registers its own province's suppliers")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Supplier.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull NewSupplier body) {
        Supplier s = procurement.createSupplier(caller, body, idempotency.key());
        return Created.response(uriInfo, "procurement/suppliers", s.id(), s);
    }
}
