package org.tongpao.reporting.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.documents.Documents;
import org.tongpao.documents.spreadsheet.SheetFormat;
import org.tongpao.documents.spreadsheet.Spreadsheets;
import org.tongpao.reporting.BatchReport;
import org.tongpao.reporting.CensusReport;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.DailyReport;
import org.tongpao.reporting.DonationReport;
import org.tongpao.reporting.ExpiringReport;
import org.tongpao.reporting.FundingReport;
import org.tongpao.reporting.Reports;
import org.tongpao.reporting.ShortageReport;
import org.tongpao.reporting.StockReport;
import org.tongpao.reporting.Tabular;
import org.tongpao.reporting.TransitReport;
import org.tongpao.reporting.internal.DailySheet;
import org.tongpao.reporting.internal.DailyWorkbook;
import org.tongpao.reporting.internal.Exports;

/**
 * {@code /reports/...}: each report as JSON, or one of its tables as CSV or XLSX ({@code ?format=} wins over
 * {@code Accept}); the daily report also as PDF.
 */
@Component(service = ReportResource.class, property = JaxRs.RESOURCE)
@Path("reports")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.AUDITOR, Roles.PROVINCE_OFFICER})
@Produces({MediaType.APPLICATION_JSON, ReportResource.CSV, ReportResource.XLSX})
@Tag(name = "Reports")
public class ReportResource {
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SCOPE = "Ministry roles and auditors see the nation, the central reserve as its own "
            + "row; a province officer only its own province. ";
    private static final String FORMATS = "json (default), csv or xlsx; overrides Accept";
    private static final String TABLE = "the table a CSV or XLSX export holds (default: the report's first)";

    private final Reports reports;
    private final Spreadsheets sheets;
    private final Documents documents;

    @Activate
    public ReportResource(@Reference Reports reports, @Reference Spreadsheets sheets,
            @Reference Documents documents) {
        this.reports = reports;
        this.sheets = sheets;
        this.documents = documents;
    }

    @GET
    @Path("stock")
    @Operation(summary = "Stock by province × category and by item", description = SCOPE + "Map-ready: each row "
            + "names its province by code and Chinese and English name. Tables: by-category, by-item (with the "
            + "earliest expiry date of each place × item's stock on hand and what expires that day; a date already "
            + "past is expired stock not yet written off)")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response stock(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("stock", format, table, headers, false, () -> reports.stock(caller));
    }

    @GET
    @Path("cover")
    @Operation(summary = "Cover and stock-out forecast", description = SCOPE + "Days of supply per province × item "
            + "at the rate of issues over the window, and the date each runs out at that rate counting goods in "
            + "transit and open purchase orders (when procurement is installed). Nothing issued in the window: no "
            + "forecast (null). Table: cover")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response cover(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = "days of issues the rate is taken over, 1..90 (default 7)")
            @QueryParam("window") String window,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        Integer days = days("window", window);
        return answer("cover", format, table, headers, false, () -> reports.cover(caller, days));
    }

    @GET
    @Path("expiring")
    @Operation(summary = "Stock expiring within N days", description = SCOPE + "Per province × item: the earliest "
            + "expiry date among the stock on hand, the days left until it (negative: expired, not yet written off), "
            + "the stock on hand expiring on or before today + days (UTC days; reservations included, undated lots "
            + "never) and its share of the stock on hand; soonest first. Table: expiring")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExpiringReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "days is not a whole number from 1 to 3650, or a bad format "
            + "or table", content = @Content(mediaType = "application/problem+json"))
    public Response expiring(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = "the stock expiring within this many days, 1..3650 (default 30)")
            @QueryParam("days") String days,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        Integer within = days("days", days);
        return answer("expiring", format, table, headers, false, () -> reports.expiring(caller, within));
    }

    @GET
    @Path("shortages")
    @Operation(summary = "Shortages against open needs", description = SCOPE + "Open needs by key area, urgency "
            + "and front line in the priority order, against the province's available stock. Table: shortages")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortageReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response shortages(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("shortages", format, table, headers, false, () -> reports.shortages(caller));
    }

    @GET
    @Path("transit")
    @Operation(summary = "Goods in transit, late and at-risk shipments, carriers' on-time rate", description = SCOPE
            + "Tables: in-transit, late, at-risk, carriers")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response transit(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("transit", format, table, headers, false, () -> reports.transit(caller));
    }

    @GET
    @Path("batches")
    @Operation(summary = "Batches sent per province", description = SCOPE + "Each batch with its per-destination "
            + "number (the 4th batch to Hubei). Tables: batches, by-province")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response batches(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("batches", format, table, headers, false, () -> reports.batches(caller));
    }

    @GET
    @Path("funding")
    @Operation(summary = "Procurement and funding against budget; federation's data age", description = SCOPE
            + "Each section says whether its capability is installed. Tables: budgets, orders, nodes")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response funding(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("funding", format, table, headers, false, () -> reports.funding(caller));
    }

    @GET
    @Path("donations")
    @Operation(summary = "Donations received, accepted and passed on", description = SCOPE + "By the donation's "
            + "province (the ministry's desk: the central row) × item category: pledged, received (accepted + "
            + "rejected), passed on (issued or transferred onward from the receiving depot's donated lots) and "
            + "delivered (received for use by units). {\"name\": \"donation\", \"installed\": false} and no "
            + "rows when donation is not installed. Tables: donations")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DonationReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response donations(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("donations", format, table, headers, false, () -> reports.donations(caller));
    }

    @GET
    @Path("census")
    @Operation(summary = "Census status", description = SCOPE + "The latest reserve census: who reported, who is "
            + "late, national totals. Tables: provinces, totals")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CensusReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response census(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = FORMATS) @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        return answer("census", format, table, headers, false, () -> reports.census(caller));
    }

    @GET
    @Path("daily")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX, Documents.PDF})
    @Operation(summary = "The daily situation report (日报)", description = SCOPE + "As of a cut-off, from the "
            + "ledger's movements before it and the batches' timestamps: the same cut-off gives the same report on "
            + "any later run. Also as a PDF in Chinese with English labels (format=pdf). Tables: stock, in-transit, "
            + "batches, donations (the day's donations when donation is installed). As XLSX without table: one "
            + "workbook, a sheet per section named in Chinese and English (batches only with allocation, donations "
            + "only with donation installed); with table: that table's sheet alone")
    @ApiResponse(responseCode = "200", description = "The report", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailyReport.class)),
        @Content(mediaType = CSV, schema = @Schema(type = "string")),
        @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = Documents.PDF, schema = @Schema(type = "string", format = "binary"))})
    public Response daily(@Context Caller caller, @Context HttpHeaders headers,
            @Parameter(description = "the cut-off, an ISO-8601 instant (default: now); not in the future")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "json (default), csv, xlsx or pdf; overrides Accept")
            @QueryParam("format") String format,
            @Parameter(description = TABLE) @QueryParam("table") String table) {
        Instant cutOff = QueryParams.instant("asOf", asOf);
        return answer("daily", format, table, headers, true, () -> reports.daily(caller, cutOff));
    }

    /** A whole number of days from the query parameter {@code name}; absent: null (the report's default). */
    private static Integer days(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " must be a whole number of days");
        }
    }

    /** What the caller asked for: {@code format} first, else the first supported type in {@code Accept}. */
    static String kind(String format, HttpHeaders headers, boolean pdf) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (f.equals("json") || f.equals("csv") || f.equals("xlsx") || (pdf && f.equals("pdf"))) {
                return f;
            }
            throw new ValidationException("format", "format must be json, csv, xlsx" + (pdf ? " or pdf" : ""));
        }
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType m : accepted) {
            if (m.isWildcardType() || m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return "json";
            }
            String t = m.getType() + "/" + m.getSubtype();
            if (SheetFormat.fromMediaType(t).isPresent()) {
                return SheetFormat.fromMediaType(t).get().extension();
            }
            if (pdf && t.equals(Documents.PDF)) {
                return "pdf";
            }
        }
        return "json";
    }

    private Response answer(String name, String format, String table, HttpHeaders headers, boolean pdf,
            Supplier<? extends Tabular> report) {
        String kind = kind(format, headers, pdf);
        Tabular r = report.get();
        switch (kind) {
            case "json":
                return Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
            case "pdf":
                return file(documents.pdf(DailySheet.of((DailyReport) r)), Documents.PDF, name + ".pdf");
            case "xlsx":
                if (r instanceof DailyReport daily && (table == null || table.isBlank())) {
                    // the daily report's sections in one workbook; ?table= still gives one sheet
                    return file(DailyWorkbook.write(sheets, daily), XLSX, name + ".xlsx");
                }
                return sheet(name, r, table, SheetFormat.XLSX);
            default:
                return sheet(name, r, table, SheetFormat.fromExtension(kind).orElseThrow());
        }
    }

    /** One table of a report ({@code table}, default the first) as one CSV or one-sheet XLSX file. */
    private Response sheet(String name, Tabular r, String table, SheetFormat format) {
        Tabular.Table t = Exports.table(r, table);
        return file(Exports.write(sheets, format, t), format.mediaType(), name + "-" + t.name() + "." + format.extension());
    }

    private static Response file(byte[] body, String type, String fileName) {
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
