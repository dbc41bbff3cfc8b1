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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import java.util.Optional;
import org.tongpao.core.ValidationException;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.Spreadsheets;
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
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Calls per minute and client address, shared by the public donation operations. */
    static final int PER_MINUTE = 30;
    static final String LIMIT = "donation-public";
    /** The CSV export reads the list in pages of this size, up to {@link #CSV_MAX} donations. */
    static final int CSV_PAGE = 100;
    static final int CSV_MAX = 10_000;

    private final DonationService donations;
    private final Spreadsheets spreadsheets;

    @Activate
    public PublicDonationResource(@Reference DonationService donations, @Reference Spreadsheets spreadsheets) {
        this.donations = donations;
        this.spreadsheets = spreadsheets;
    }

    /** The disclosure list's JSON form, for the OpenAPI document (the answer is a {@code Page} of that shape). */
    @Schema(name = "DisclosureList")
    public record DisclosureList(List<DisclosureEntry> items, String nextCursor) {
    }

    @GET
    @Path("disclosure")
    @PermitAll
    @RateLimited(value = LIMIT, requests = PER_MINUTE, perSeconds = 60)
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(summary = "The public disclosure list (no login)", description = "What was received from whom "
            + "(anonymous donors shown as such), accepted or rejected, and where it went by unit level and province; "
            + "newest first. No personal data. JSON pages by default; as a spreadsheet with Accept: text/csv or the "
            + "XLSX media type (or ?format=csv|xlsx): one row per donation and item (number, donor, kind, province, "
            + "status, designation, last receipt date, item, pledged, accepted, rejected, whereabouts), up to "
            + CSV_MAX + " donations. At most " + PER_MINUTE + " calls a minute per client address "
            + "(org.tongpao.rest rateLimits: " + LIMIT + ")")
    @ApiResponse(responseCode = "200", description = "The list", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureList.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public Response disclosure(@BeanParam PageParams page, @Context HttpHeaders headers,
            @Parameter(description = "csv or xlsx: the spreadsheet instead of JSON") @QueryParam("format")
            String format) {
        SheetFormat sheet = sheetFormat(headers, format);
        if (sheet == null) {
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
        StreamingOutput body = out -> DisclosureCsv.write(spreadsheets, sheet, all, out);
        return Response.ok(body, sheet == SheetFormat.CSV ? CSV + ";charset=UTF-8" : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"donations-disclosure."
                        + sheet.extension() + "\"").build();
    }

    /**
     * The spreadsheet the client asks for, or null for JSON: {@code ?format=} first (400 naming it when unknown),
     * else the first acceptable media type that is JSON or a spreadsheet (JSON for no Accept header, or any).
     */
    static SheetFormat sheetFormat(HttpHeaders headers, String format) {
        if (format != null && !format.isBlank()) {
            if (format.equalsIgnoreCase("json")) {
                return null;
            }
            return SheetFormat.fromExtension(format).orElseThrow(() -> new ValidationException("format",
                    "format is csv, xlsx or json"));
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType() && !m.isWildcardSubtype()) {
                return null;
            }
            Optional<SheetFormat> f = SheetFormat.fromMediaType(m.getType() + "/" + m.getSubtype());
            if (f.isPresent()) {
                return f.get();
            }
        }
        return null;
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
