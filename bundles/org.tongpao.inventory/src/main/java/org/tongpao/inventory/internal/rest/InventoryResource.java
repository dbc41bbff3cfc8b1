package org.tongpao.inventory.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.BalanceFilter;
import org.tongpao.inventory.Census;
import org.tongpao.inventory.CensusSubmission;
import org.tongpao.inventory.CountResult;
import org.tongpao.inventory.DispatchOrder;
import org.tongpao.inventory.InventoryService;
import org.tongpao.inventory.Lot;
import org.tongpao.inventory.LotStatus;
import org.tongpao.inventory.LotStatusChange;
import org.tongpao.inventory.Movement;
import org.tongpao.inventory.MovementFilter;
import org.tongpao.inventory.MovementType;
import org.tongpao.inventory.NewAdjustment;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.NewReservation;
import org.tongpao.inventory.NewTransfer;
import org.tongpao.inventory.NewWriteOff;
import org.tongpao.inventory.Posting;
import org.tongpao.inventory.Reservation;
import org.tongpao.inventory.ReserveCensus;
import org.tongpao.inventory.ProvinceStock;
import org.tongpao.inventory.StockBalance;
import org.tongpao.inventory.StockLedger;
import org.tongpao.inventory.Threshold;
import org.tongpao.inventory.Transfer;
import org.tongpao.inventory.TransferReceipt;
import org.tongpao.core.rest.OptionalBody;
import org.tongpao.core.rest.QueryParams;

/** {@code /inventory}: lots, the ledger, balances, reservations, counts, thresholds and the reserve census. */
@Component(service = InventoryResource.class, property = "osgi.jaxrs.resource=true")
@Path("inventory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory", description = "Lots, the append-only stock ledger, balances, reservations, census")
public class InventoryResource {
    private static final String KEY = "Repeat-safe key; a repeat returns the first result and counts once";
    private static final String READERS_NOTE = "Filtered to the caller's province or depot";

    private final InventoryService inventory;
    private final StockLedger ledger;
    private final ReserveCensus census;

    @Activate
    public InventoryResource(@Reference InventoryService inventory, @Reference StockLedger ledger,
            @Reference ReserveCensus census) {
        this.inventory = inventory;
        this.ledger = ledger;
        this.census = census;
    }

    // ---------------------------------------------------------------- lots and receipts

    @GET
    @Path("lots")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "List lots", description = READERS_NOTE + "; keyset-paged by id")
    public Page<Lot> lots(@Context Caller caller, @QueryParam("depot") String depot, @QueryParam("item") String item,
            @Parameter(description = "AVAILABLE, QUARANTINED, RECALLED, EXPIRED") @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ledger.lots(caller, QueryParams.id("depot", depot), QueryParams.id("item", item),
                QueryParams.enumValue(LotStatus.class, "status", status), QueryParams.limit(limit), QueryParams.text(cursor));
    }

    @GET
    @Path("lots/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Get one lot", description = "404 also when outside the caller's scope")
    public Lot lot(@Context Caller caller, @PathParam("id") long id) {
        return ledger.lot(caller, id);
    }

    @POST
    @Path("lots/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Change a lot's status", description = "Quarantine, recall, expire or release; audited")
    public Lot lotStatus(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid LotStatusChange body) {
        return ledger.changeLotStatus(caller, id, body, key);
    }

    @POST
    @Path("receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Receive goods", description = "Creates a lot and its RECEIPT movement; 201 with the lot")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Lot.class)))
    public Response receive(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewReceipt body) {
        Lot lot = ledger.receive(caller, body, key);
        return Params.created(uriInfo, "lots", lot.id(), lot);
    }

    // ---------------------------------------------------------------- movements

    @POST
    @Path("issues")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Issue stock to an org unit", description = "FEFO unless lotId is given; 409 when short")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response issue(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewIssue body) {
        Posting p = ledger.issue(caller, body, key);
        return Params.created(uriInfo, "postings", p.id(), p);
    }

    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Adjust a lot", description = "Signed quantity; COUNT, DAMAGE, LOSS (−), FOUND (+)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response adjust(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewAdjustment body) {
        Posting p = ledger.adjust(caller, body, key);
        return Params.created(uriInfo, "postings", p.id(), p);
    }

    @POST
    @Path("write-offs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Write stock off", description = "EXPIRED or DAMAGED")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Posting.class)))
    public Response writeOff(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewWriteOff body) {
        Posting p = ledger.writeOff(caller, body, key);
        return Params.created(uriInfo, "postings", p.id(), p);
    }

    @GET
    @Path("postings/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "The movements of one write")
    public Posting posting(@Context Caller caller, @PathParam("id") long id) {
        return ledger.posting(caller, id);
    }

    @GET
    @Path("movements")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "The ledger", description = READERS_NOTE + "; from inclusive, to exclusive (ISO-8601)")
    public Page<Movement> movements(@Context Caller caller, @QueryParam("depot") String depot,
            @QueryParam("item") String item,
            @Parameter(description = "RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, ADJUSTMENT, WRITE_OFF") @QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        MovementFilter filter = new MovementFilter(QueryParams.id("depot", depot), QueryParams.id("item", item),
                QueryParams.enumValue(MovementType.class, "type", type), QueryParams.instant("from", from),
                QueryParams.instant("to", to));
        return ledger.movements(caller, filter, QueryParams.limit(limit), QueryParams.text(cursor));
    }

    @GET
    @Path("national")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "National stock by province × category",
            description = READERS_NOTE + "; summed from balances, never from the ledger")
    public Page<ProvinceStock> national(@Context Caller caller, @QueryParam("category") String category) {
        return new Page<>(ledger.nationalStock(caller, QueryParams.text(category)), null);
    }

    @GET
    @Path("balances")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Stock balances", description = READERS_NOTE + "; by=item rolls lots up per depot × item")
    public Page<StockBalance> balances(@Context Caller caller, @QueryParam("province") String province,
            @Parameter(description = "Depot id or code") @QueryParam("depot") String depot,
            @QueryParam("category") String category,
            @Parameter(description = "Item id or code") @QueryParam("item") String item,
            @QueryParam("status") String status,
            @Parameter(description = "lot (default) or item") @QueryParam("by") String by,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String d = QueryParams.text(depot);
        String i = QueryParams.text(item);
        boolean depotIsId = d != null && d.chars().allMatch(Character::isDigit);
        boolean itemIsId = i != null && i.chars().allMatch(Character::isDigit);
        String grouping = QueryParams.text(by);
        if (grouping != null && !grouping.equals("item") && !grouping.equals("lot")) {
            throw new ValidationException("by", "by must be lot or item");
        }
        BalanceFilter filter = new BalanceFilter(QueryParams.text(province), depotIsId ? Long.valueOf(d) : null,
                depotIsId ? null : d, QueryParams.text(category), itemIsId ? Long.valueOf(i) : null, itemIsId ? null : i,
                QueryParams.enumValue(LotStatus.class, "status", status), "item".equals(grouping));
        return ledger.balances(caller, filter, QueryParams.limit(limit), QueryParams.text(cursor));
    }

    // ---------------------------------------------------------------- transfers

    @POST
    @Path("transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Transfer out", description = "Direct transfer without reservation; goods go in transit")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    public Response transferOut(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewTransfer body) {
        Transfer t = ledger.transferOut(caller, body, key);
        return Params.created(uriInfo, "transfers", t.id(), t);
    }

    @GET
    @Path("transfers")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "List transfers", description = "Either side in the caller's scope")
    public Page<Transfer> transfers(@Context Caller caller,
            @Parameter(description = "IN_TRANSIT or RECEIVED") @QueryParam("status") String status,
            @QueryParam("depot") String depot, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ledger.transfers(caller, QueryParams.enumValue(Transfer.Status.class, "status", status),
                QueryParams.id("depot", depot), QueryParams.limit(limit), QueryParams.text(cursor));
    }

    @GET
    @Path("transfers/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Get one transfer")
    public Transfer transfer(@Context Caller caller, @PathParam("id") long id) {
        return inventory.transfer(caller, id);
    }

    @POST
    @Path("transfers/{id}/receipt")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Receive a transfer", description = "By the receiving depot's scope; shortfall → LOSS, damage → write-off")
    public Transfer receiveTransfer(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid TransferReceipt body) {
        return inventory.receiveTransfer(caller, id, body.receivedQuantity(),
                body.damagedQuantity() == null ? 0 : body.damagedQuantity(), body.note(), key);
    }

    // ---------------------------------------------------------------- reservations

    @POST
    @Path("reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Reserve stock", description = "FEFO, all or nothing; 409 when short")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Reservation.class)))
    public Response reserve(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewReservation body) {
        Reservation r = inventory.reserve(caller, body.depotId(), body.itemId(), body.quantity(), body.holder(), key);
        return Params.created(uriInfo, "reservations", r.id(), r);
    }

    @GET
    @Path("reservations/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Get one reservation")
    public Reservation reservation(@Context Caller caller, @PathParam("id") long id) {
        return ledger.reservation(caller, id);
    }

    @POST
    @Path("reservations/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Release a reservation", description = "No body needed")
    public Reservation release(@Context Caller caller, @PathParam("id") long id,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(required = false, description = "Ignored; may be empty",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = "object"))) String body) {
        return inventory.release(caller, id, key);
    }

    @POST
    @Path("reservations/{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Dispatch a reservation", description = "Transfer-out of the held lots; 201 with the transfer")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Transfer.class)))
    public Response dispatch(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid DispatchOrder body) {
        Transfer t = ledger.dispatch(caller, id, body, key);
        return Params.created(uriInfo, "transfers", t.id(), t);
    }

    // ---------------------------------------------------------------- counts and thresholds

    @POST
    @Path("counts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Record a stock count", description = "Differences become COUNT adjustments in one transaction")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CountResult.class)))
    public Response count(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewCount body) {
        CountResult r = ledger.count(caller, body, key);
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @GET
    @Path("thresholds")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER, Roles.AUDITOR})
    @Operation(summary = "Minimum and reorder levels", description = READERS_NOTE)
    public Page<Threshold> thresholds(@Context Caller caller, @QueryParam("depot") String depot,
            @QueryParam("item") String item) {
        return new Page<>(ledger.thresholds(caller, QueryParams.id("depot", depot), QueryParams.id("item", item)),
                null);
    }

    @PUT
    @Path("thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.DEPOT_KEEPER})
    @Operation(summary = "Set the levels of one depot × item")
    public Threshold setThreshold(@Context Caller caller,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid Threshold body) {
        return ledger.setThreshold(caller, body, key);
    }

    // ---------------------------------------------------------------- census

    @POST
    @Path("census")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER})
    @Operation(summary = "Open a reserve census", description = "Every province reports its reserves by the deadline")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Census.class)))
    public Response openCensus(@Context Caller caller, @Context UriInfo uriInfo,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key, @Valid NewCensus body) {
        Census c = census.open(caller, body, key);
        return Params.created(uriInfo, "census", c.id(), c);
    }

    @GET
    @Path("census")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "List censuses")
    public Page<Census> censuses(@Context Caller caller, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return census.list(caller, QueryParams.limit(limit), QueryParams.text(cursor));
    }

    @GET
    @Path("census/{id}")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Census status and totals", description = "Reported / late per province, totals by province × category")
    public Census census(@Context Caller caller, @PathParam("id") long id) {
        return census.get(caller, id);
    }

    @POST
    @Path("census/{id}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Submit a province's figures", description = "Snapshots the province's balances now; "
            + "optional body {\"declared\":[{categoryCode, quantity, note}]}")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Census.class)))
    public Response submit(@Context Caller caller, @Context UriInfo uriInfo, @PathParam("id") long id,
            @Parameter(description = "Province code (ministry callers only)") @QueryParam("province") String province,
            @Parameter(description = KEY) @HeaderParam("Idempotency-Key") String key,
            @RequestBody(required = false, description = "Optional: the province's declared quantities",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CensusSubmission.class))) String body) {
        Census c = census.submit(caller, id, QueryParams.text(province), submission(body), key);
        return Response.status(Response.Status.CREATED).entity(c).build();
    }

    private static CensusSubmission submission(String body) {
        CensusSubmission s = OptionalBody.parse(body, CensusSubmission.class, "declared",
                "the body must be {\"declared\": [{\"categoryCode\": ..., \"quantity\": n, \"note\": ...}]} or empty");
        return s == null ? new CensusSubmission(null) : s;
    }
}
