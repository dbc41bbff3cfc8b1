package org.tongpao.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.Province;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.JaxRs;

/** {@code /provinces}: the 31 provincial-level divisions. */
@Component(service = ProvinceResource.class, property = JaxRs.RESOURCE)
@Path("provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provinces", description = "The 31 provincial-level divisions (GB/T 2260 codes)")
// the roles most methods share, once; a method that differs names its own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
        Roles.PARTNER, Roles.AUDITOR})
public class ProvinceResource {
    private final ProvinceRegistry provinces;

    @Activate
    public ProvinceResource(@Reference ProvinceRegistry provinces) {
        this.provinces = provinces;
    }

    @GET
    @Operation(summary = "List the provinces", description = "All 31, ordered by code; never paged")
    public Page<Province> list() {
        return new Page<>(provinces.list(), null);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Get one province")
    public Province get(@Parameter(description = "Two-digit code, e.g. 42") @PathParam("code") String code) {
        return provinces.find(code).orElseThrow(() -> new NotFoundException("Province", code));
    }
}
