package org.tongpao.procurement.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.procurement.CapacityOffer;
import org.tongpao.procurement.ProcurementService;

/** {@code /procurement/capacity}: which suppliers can deliver how much of an item by when. */
@Component(service = CapacityResource.class, property = JaxRs.RESOURCE)
@Path("procurement/capacity")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROCUREMENT_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procurement")
public class CapacityResource {
    private final ProcurementService procurement;

    @Activate
    public CapacityResource(@Reference ProcurementService procurement) {
        this.procurement = procurement;
    }

    @GET
    @Operation(summary = "Supplier capacity for an item", description = "Each qualified supplier's production from "
            + "today plus its lead time at its weekly capacity, less what its open orders take; most first")
    public Page<CapacityOffer> capacity(@Context Caller caller,
            @Parameter(description = "item id", required = true) @QueryParam("item") String item,
            @Parameter(description = "deliver by this date (YYYY-MM-DD)", required = true) @QueryParam("by") String by) {
        long itemId = Checks.required("item", QueryParams.id("item", item));
        return new Page<>(procurement.capacity(caller, itemId, date(by)), null);
    }

    private static LocalDate date(String raw) {
        String text = QueryParams.text(raw);
        Checks.required("by", text);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("by", "by must be a date YYYY-MM-DD");
        }
    }
}
