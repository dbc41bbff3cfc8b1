package org.tongpao.dataimport.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.BodyLimit;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.dataimport.DataImports;
import org.tongpao.dataimport.ImportKind;
import org.tongpao.dataimport.ImportRefusedException;
import org.tongpao.dataimport.ImportResult;
import org.tongpao.documents.spreadsheet.SheetFormat;

/**
 * {@code /imports/{kind}}: a CSV or XLSX file in, validated row by row and written whole or not at all; the empty
 * template and (master data) the current records in the same layout.
 */
@Component(service = ImportResource.class, property = JaxRs.RESOURCE)
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Spreadsheet imports (CSV, XLSX) of the catalogue, org units, depots, opening "
        + "balances and stock counts: refused whole with every bad row and column, or written whole")
public class ImportResource {
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The import's body limit: its name in the REST configuration's {@code bodyLimits}, and its default, 64 MiB. */
    static final String IMPORT_LIMIT = "import";
    static final long IMPORT_LIMIT_BYTES = 64L * 1024 * 1024;
    private static final String KINDS = "catalogue, org-units, depots, opening-balances or counts";
    private static final String LAYOUTS = "Columns (row 1; any order; unknown ones refused): "
            + "catalogue: code*, categoryCode*, name*, nameZh, unit*, standard, shelfLifeMonths. "
            + "org-units: code*, name*, nameZh, level* (MINISTRY, PROVINCE, PREFECTURE, COUNTY, STATION), parentCode, "
            + "provinceCode, frontLine (true/false). depots: code*, name*, orgUnitCode*, address. "
            + "opening-balances: depotCode*, itemCode*, quantity*, expiryDate (yyyy-mm-dd; required for items with a "
            + "shelf life), sourceDocument (default IMPORT-<file reference>), note. "
            + "counts: depotCode*, itemCode*, lotId, counted* (one count per depot). * = required. "
            + "Master data is matched by code: new codes are created, known ones updated where a value differs.";

    private final DataImports imports;

    @Activate
    public ImportResource(@Reference DataImports imports) {
        this.imports = imports;
    }

    @POST
    @Path("{kind}")
    // any type reaches the method, so roles are checked first (an auditor's 403 before a type's 400)
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    // a province's opening balances run to 100,000 lots (~7 MB of CSV); the body is spooled, never held whole
    @BodyLimit(value = IMPORT_LIMIT, bytes = IMPORT_LIMIT_BYTES)
    @Operation(summary = "Import a spreadsheet", description = "kind: " + KINDS + ". The body is the file: text/csv "
            + "(UTF-8, a BOM allowed) or XLSX (first sheet). Every row is checked, the owning service's rules "
            + "included; a file with any error is refused whole (400 listing every bad row and column, at most "
            + "1,000, with errorCount) and nothing is written. All rows are written in one transaction. Catalogue, "
            + "org units and depots: ministry admin. Opening balances (one lot per row, origin OPENING_BALANCE) and "
            + "counts: also province officers and depot keepers, for the depots they may write (another depot is "
            + "an unknown depot of that row). An Idempotency-Key makes a re-sent file import once. The body may be up "
            + "to 64 MiB (org.tongpao.rest bodyLimits, import=bytes), about 900,000 opening-balance rows of CSV; a "
            + "larger one is 413 and nothing is written. " + LAYOUTS,
            requestBody = @RequestBody(required = true, description = "The spreadsheet file", content = {
                    @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary",
                            description = "the file, UTF-8 (application/csv is taken too)")),
                    @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary",
                            description = "the workbook; its first sheet is read"))}))
    @ApiResponse(responseCode = "200", description = "Imported (or, with dryRun, would import): the counts",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @ApiResponse(responseCode = "400", description = "The file is refused: every bad row and column; nothing written",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ImportProblem.class)))
    public Response importFile(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KINDS) @PathParam("kind") String kind,
            @Parameter(description = "true: check everything, write nothing") @QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @BeanParam IdempotencyHeader idempotency,
            InputStream body) throws IOException {
        ImportKind k = kind(kind);
        SheetFormat format = SheetFormat.fromMediaType(contentType)
                .orElseThrow(() -> new ValidationException("Content-Type", "Content-Type must be text/csv or " + XLSX));
        boolean dry = Boolean.TRUE.equals(QueryParams.bool("dryRun", dryRun));
        try {
            return Response.ok(imports.importFile(caller, k, format, body, dry, idempotency.key())).build();
        } catch (ImportRefusedException e) {
            ImportProblem problem = new ImportProblem("urn:tongpao:problem:import-refused", "File refused", 400,
                    e.getMessage(), uriInfo.getRequestUri().getRawPath(), caller.requestId(), e.field(),
                    e.errorCount(), e.errors().stream().map(x -> new ImportProblem.ImportError(x.row(), x.column(),
                            x.value(), null, x.message())).toList());
            return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
        }
    }

    @GET
    @Path("{kind}/template")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER,
            Roles.AUDITOR})
    @Operation(summary = "An empty import file", description = "kind: " + KINDS + ". The header row of the layout, "
            + "nothing else. " + LAYOUTS)
    @ApiResponse(responseCode = "200", description = "The template", content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response template(@Parameter(description = KINDS) @PathParam("kind") String kind,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") String format) {
        ImportKind k = kind(kind);
        SheetFormat f = format(format);
        StreamingOutput body = out -> imports.template(k, f, out);
        return file(body, f, k.path() + "-template");
    }

    @GET
    @Path("{kind}/export")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "The master data in its import layout", description = "kind: catalogue, org-units or "
            + "depots (others are 400). The active records the caller sees, in the columns the import takes, so an "
            + "edited export imports back. A province officer's export holds their province")
    @ApiResponse(responseCode = "200", description = "The records", content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Response export(@Context Caller caller, @Parameter(description = "catalogue, org-units or depots")
            @PathParam("kind") String kind,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") String format) {
        ImportKind k = kind(kind);
        SheetFormat f = format(format);
        if (k != ImportKind.CATALOGUE && k != ImportKind.ORG_UNITS && k != ImportKind.DEPOTS) {
            throw new ValidationException("kind", kind + " has no export; see its template");
        }
        StreamingOutput body = out -> imports.export(caller, k, f, out);
        return file(body, f, k.path());
    }

    private static Response file(StreamingOutput body, SheetFormat f, String name) {
        return Response.ok(body, f == SheetFormat.CSV ? CSV + ";charset=UTF-8" : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + f.extension() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static ImportKind kind(String kind) {
        return ImportKind.fromPath(kind)
                .orElseThrow(() -> new ValidationException("kind", "kind must be one of " + KINDS));
    }

    private static SheetFormat format(String format) {
        if (format == null || format.isBlank()) {
            return SheetFormat.CSV;
        }
        return SheetFormat.fromExtension(format)
                .orElseThrow(() -> new ValidationException("format", "format must be csv or xlsx"));
    }
}
