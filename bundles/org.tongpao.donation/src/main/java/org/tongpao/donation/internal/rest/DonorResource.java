package org.tongpao.donation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
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
import org.tongpao.donation.DonationService;
import org.tongpao.donation.Donor;
import org.tongpao.donation.NewDonor;

/** {@code /donations/donors}: register, read, erase on request. */
@Component(service = DonorResource.class, property = JaxRs.RESOURCE)
@Path("donations/donors")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.DONATION_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Donations")
public class DonorResource {
    private static final String CONTACT_NOTE = "A donor's contact is personal data: given to donation officers only "
            + "(null for every other role)";

    private final DonationService donations;

    @Activate
    public DonorResource(@Reference DonationService donations) {
        this.donations = donations;
    }

    @GET
    @Operation(summary = "List donors", description = "Those the caller sees: a province's, and the ministry's "
            + "(national) donors. " + CONTACT_NOTE)
    public Page<Donor> list(@Context Caller caller, @BeanParam PageParams page) {
        return donations.donors(caller, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a donor", description = CONTACT_NOTE)
    public Donor get(@Context Caller caller, @PathParam("id") long id) {
        return donations.donor(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Register a donor", description = "Enterprise, association, individual or overseas "
            + "(with its country); the contact is optional and minimal. anonymous: shown as an anonymous donor in "
            + "public answers. The answer leaves the contact out (GET it back as a donation officer)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Donor.class)))
    public Response register(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull NewDonor body) {
        Donor d = donations.registerDonor(caller, body, idempotency.key());
        return Created.response(uriInfo, "donations/donors", d.id(), d);
    }

    @POST
    @Path("{id: [0-9]+}/erase")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Erase a donor's personal data on request", description = "Contact wiped, name replaced by "
            + "an anonymous label; the donor record and its donations stay. Audited with the reason "
            + "{\"reason\": \"...\"}, never with the erased data. 409 when already erased")
    public Donor erase(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull Bodies.Reason body) {
        return donations.eraseDonor(caller, id, body.reason(), idempotency.key());
    }
}
