package org.tongpao.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.Category;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.JaxRs;

/** {@code /catalogue/categories}: the catalogue's categories. */
@Component(service = CatalogueResource.class, property = JaxRs.RESOURCE)
@Path("catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Item categories and items")
public class CatalogueResource {
    private final CatalogueService catalogue;

    @Activate
    public CatalogueResource(@Reference CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("categories")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.PARTNER, Roles.AUDITOR})
    @Operation(summary = "List the item categories", description = "In catalogue order; never paged")
    public Page<Category> categories() {
        return new Page<>(catalogue.categories(), null);
    }
}
