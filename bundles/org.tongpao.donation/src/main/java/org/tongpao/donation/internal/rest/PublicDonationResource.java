package org.tongpao.donation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.security.PermitAll;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Page;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.RateLimited;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.PublicDonation;
import org.tongpao.donation.internal.DisclosureCsv;

/**
 * {@code /public/donations}: what a donor and the public may see without logging in. Limited per client address
 * like failed logins (the donor codes carry 100 random bits, so they cannot be enumerated anyway, and the list
 * cannot be used to flood the database). No answer holds personal data.
 */
@Component(service = PublicDonationResource.class, property = JaxRs.RESOURCE)
@Path("public/donations")
@Tag(name = "Donations (public)")
public class PublicDonationResource {
    /** Calls per minute and client address, shared by the public donation operations. */
    static final int PER_MINUTE = 30;
    static final String LIMIT = "donation-public";
    /** The CSV export reads the list in pages of this size, up to {@link #CSV_MAX} donations. */
    static final int CSV_PAGE = 100;
    static final int CSV_MAX = 10_000;

    private final DonationService donations;

    @Activate
    public PublicDonationResource(@Reference DonationService donations) {
        this.donations = donations;
    }

    /** The disclosure list's JSON form, for the OpenAPI document (the answer is a {@code Page} of that shape). */
    @Schema(name = "DisclosureList")
    public record DisclosureList(List<DisclosureEntry> items, String nextCursor) {
    }

    @GET
    @Path("disclosure")
    @PermitAll
    @RateLimited(value = LIMIT, requests = PER_MINUTE, perSeconds = 60)
    @Produces({MediaType.APPLICATION_JSON, DisclosureCsv.MEDIA_TYPE})
    @Operation(summary = "The public disclosure list (no login)", description = "What was received from whom "
            + "(anonymous donors shown as such), accepted or rejected, and where it went by unit level and province; "
            + "newest first. No personal data. JSON pages by default; with Accept: text/csv one CSV row per donation "
            + "and item (number, donor, kind, province, status, designation, last receipt date, item, pledged, "
            + "accepted, rejected, whereabouts), up to " + CSV_MAX + " donations. At most " + PER_MINUTE
            + " calls a minute per client address (org.tongpao.rest rateLimits: " + LIMIT + ")")
    @ApiResponse(responseCode = "200", description = "The list", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureList.class)),
        @Content(mediaType = DisclosureCsv.MEDIA_TYPE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public Response disclosure(@BeanParam PageParams page, @Context HttpHeaders headers) {
        if (!wantsCsv(headers)) {
            return Response.ok(donations.disclosure(page.limit(), page.cursor()), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        List<DisclosureEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<DisclosureEntry> p = donations.disclosure(CSV_PAGE, cursor);
            all.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null && all.size() < CSV_MAX);
        return Response.ok(DisclosureCsv.write(all), DisclosureCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"donations-disclosure.csv\"").build();
    }

    /** CSV when the client prefers it to JSON (JSON for no Accept header, or any, as every other list). */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return false;
            }
            if (m.getType().equals("text") && m.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("{donorCode}")
    @PermitAll
    @RateLimited(value = LIMIT, requests = PER_MINUTE, perSeconds = 60)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a donation by its donor code (no login)", description = "The code printed on the "
            + "acknowledgement: the donation's number, status, designation, items and where the goods went (by unit "
            + "level and province, never a person or a unit's name); 404 for an unknown code. At most " + PER_MINUTE
            + " calls a minute per client address")
    @ApiResponse(responseCode = "200", description = "The donation",
            content = @Content(schema = @Schema(implementation = PublicDonation.class)))
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public Response follow(@Parameter(description = "e.g. 7KQ2-MX9C-4H8T-0PWD-J3RB") @PathParam("donorCode")
            String donorCode) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(donations.publicDonation(donorCode)).cacheControl(noStore).build();
    }
}
