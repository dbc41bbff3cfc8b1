package org.tongpao.donation.internal.rest;

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
import javax.ws.rs.core.HttpHeaders;
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
import org.tongpao.documents.Documents;
import org.tongpao.donation.Acknowledgement;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationStatus;
import org.tongpao.donation.DonationTrace;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewPledge;

/** {@code /donations}: pledges, receipts with inspection, acknowledgements, the trace. */
@Component(service = DonationResource.class, property = JaxRs.RESOURCE)
@Path("donations")
// every reader's roles; the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.DONATION_OFFICER, Roles.PROVINCE_OFFICER,
        Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Donations")
public class DonationResource {
    private static final String READERS_NOTE = "A province's donation officer and province officer see their "
            + "province's donations (another's is 404); the ministry's roles, its donation officers and auditors see "
            + "all. The donor code is given to donation officers and the ministry admin only";
    private static final String WRITERS = "Donation officers (a province's: its own province) and the ministry admin";

    private final DonationService donations;

    @Activate
    public DonationResource(@Reference DonationService donations) {
        this.donations = donations;
    }

    @GET
    @Operation(summary = "List donations", description = READERS_NOTE)
    public Page<Donation> list(@Context Caller caller,
            @Parameter(description = "PLEDGED, PARTLY_RECEIVED, RECEIVED, CANCELLED") @QueryParam("status")
            String status,
            @Parameter(description = "donor id") @QueryParam("donor") String donor,
            @Parameter(description = "the desk's province code") @QueryParam("province") String province,
            @BeanParam PageParams page) {
        DonationFilter f = new DonationFilter(QueryParams.enumValue(DonationStatus.class, "status", status),
                QueryParams.id("donor", donor), QueryParams.text(province));
        return donations.donations(caller, f, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "Get a donation", description = "With its lines (pledged, accepted, rejected). "
            + READERS_NOTE)
    public Donation get(@Context Caller caller, @PathParam("id") long id) {
        return donations.donation(caller, id);
    }

    @POST
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Record a pledge", description = WRITERS + ". Lines name a catalogue item or describe the "
            + "goods (matched to an item when they arrive); an optional designation: PROVINCE (provinceCode), "
            + "ORG_UNIT (orgUnitId) or FRONT_LINE. 201 with status PLEDGED; its donor code is printed once, on the first acknowledgement")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Donation.class)))
    public Response pledge(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull NewPledge body) {
        Donation d = donations.pledge(caller, body, idempotency.key());
        return Created.response(uriInfo, "donations", d.id(), d);
    }

    @POST
    @Path("{id: [0-9]+}/cancel")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Cancel what is outstanding of a pledge", description = WRITERS + ". Body {\"reason\": "
            + "\"...\"}; what was received stays. 409 once RECEIVED or CANCELLED")
    public Donation cancel(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @Valid @NotNull Bodies.Reason body) {
        return donations.cancel(caller, id, body.reason(), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/donor-code")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Reissue the donor code", description = WRITERS + ". Body {\"reason\": \"...\"}. The "
            + "former code stops working at once; the new one is printed, once, on the next acknowledgement the "
            + "donation's desk prints (the code is stored only as a hash and never appears in an API answer)")
    public Donation reissueDonorCode(@Context Caller caller, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull Bodies.Reason body) {
        return donations.reissueDonorCode(caller, id, body.reason(), idempotency.key());
    }

    @POST
    @Path("{id: [0-9]+}/receipts")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Receive goods against a pledge", description = WRITERS + ". Per line: triage priority "
            + "(URGENT, NON_URGENT, NOT_NEEDED) and quality (standard matched, certificate present, expiry, "
            + "packaging); only goods that pass are accepted, rejected ones need a reason and a disposition. "
            + "Accepted goods become inventory lots (origin DONATION, source document the donation line, the "
            + "donation's designation) in one transaction with the receipt, which gets the next acknowledgement "
            + "number when something was accepted. Partial and over-pledge deliveries are fine; a line without "
            + "donationLineId is goods that were not pledged. 409 when designated goods would go into a depot "
            + "outside their designation")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = DonationReceipt.class)))
    public Response receive(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull NewDonationReceipt body) {
        DonationReceipt r = donations.receive(caller, id, body, idempotency.key());
        return Created.response(uriInfo, "donations/receipts", r.id(), r);
    }

    @GET
    @Path("{id: [0-9]+}/receipts")
    @Operation(summary = "The donation's receipts", description = "Oldest first, with each line's inspection and lot")
    public Page<DonationReceipt> receipts(@Context Caller caller, @PathParam("id") long id) {
        return new Page<>(donations.receipts(caller, id), null);
    }

    @POST
    @Path("receipts")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.DONATION_OFFICER})
    @Operation(summary = "Receive goods that were not pledged", description = WRITERS + ". Names the donor "
            + "(donorId) and may carry a designation; makes a donation that is RECEIVED at once, with this receipt "
            + "(inspection and lots as for a pledge)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = DonationReceipt.class)))
    public Response receiveUnpledged(@Context Caller caller, @Context UriInfo uriInfo,
            @BeanParam IdempotencyHeader idempotency, @Valid @NotNull NewDonationReceipt body) {
        DonationReceipt r = donations.receiveUnpledged(caller, body, idempotency.key());
        return Created.response(uriInfo, "donations/receipts", r.id(), r);
    }

    @GET
    @Path("receipts/{receiptId: [0-9]+}")
    @Operation(summary = "Get a receipt of donated goods", description = READERS_NOTE)
    public DonationReceipt receipt(@Context Caller caller, @PathParam("receiptId") long receiptId) {
        return donations.receipt(caller, receiptId);
    }

    @GET
    @Path("receipts/{receiptId: [0-9]+}/acknowledgement")
    @Produces(Documents.PDF)
    @Operation(summary = "The receipt's acknowledgement as PDF", description = "Numbered (no gaps, no duplicates), "
            + "in Chinese and English: items, accepted and rejected quantities, the designation. The donor code and "
            + "the QR code of the public look-up are printed once: on the first print by the donation's desk after "
            + "the pledge (or a reissue, POST /donations/{id}/donor-code); later prints say when the code was issued. "
            + "409 when nothing was accepted (no acknowledgement). "
            + READERS_NOTE)
    @ApiResponse(responseCode = "200", description = "The acknowledgement, application/pdf",
            content = @Content(mediaType = Documents.PDF, schema = @Schema(type = "string", format = "binary")))
    public Response acknowledgement(@Context Caller caller, @Context UriInfo uriInfo,
            @PathParam("receiptId") long receiptId) {
        Acknowledgement a = donations.acknowledgement(caller, receiptId, Created.base(uriInfo).toString());
        return Response.ok(a.pdf(), Documents.PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + a.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("units/{orgUnitId: [0-9]+}/received")
    @Operation(summary = "What an org unit received from donations", description = "The reverse of the trace: the "
            + "unit's issues and deliveries whose goods came from a donation, newest first, each with the donation's "
            + "number, the donor (or its anonymous label) and the designation. 404 for a unit outside the caller's "
            + "province. Keyset-paged by the unit's movements: a page may hold fewer rows than asked")
    public Page<org.tongpao.donation.UnitDonation> receivedBy(@Context Caller caller,
            @PathParam("orgUnitId") long orgUnitId, @BeanParam PageParams page) {
        return donations.receivedBy(caller, orgUnitId, page.limit(), page.cursor());
    }

    @GET
    @Path("{id: [0-9]+}/trace")
    @Operation(summary = "Where the donation's goods went", description = "Every lot it became, with the inventory's "
            + "trace (lots derived by transfers, each movement, transfer and source document, designation "
            + "overrides, the units that received the goods) and a summary by unit level and province. "
            + "Paged: at most limit inventory lots per page (1..500, default 50) over the donation's lots in receipt "
            + "order, nextCursor for the next page (null on the last); a lot split over pages appears on each with "
            + "that page's lots, movements and receivers (add them up); destinations (over every lot) come with the "
            + "first page only. " + READERS_NOTE)
    public DonationTrace trace(@Context Caller caller, @PathParam("id") long id, @BeanParam PageParams page) {
        return donations.trace(caller, id, page.limit(), page.cursor());
    }
}
