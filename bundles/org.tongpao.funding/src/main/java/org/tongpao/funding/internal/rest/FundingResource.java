package org.tongpao.funding.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
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
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.IdempotencyHeader;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.funding.BudgetAdjustment;
import org.tongpao.funding.BudgetLine;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.FundingSource;
import org.tongpao.funding.FundingSummary;
import org.tongpao.funding.LineFilter;
import org.tongpao.funding.NewBudgetLine;
import org.tongpao.funding.SummaryGroup;

/**
 * {@code /funding}: budget lines, their commitments, budget vs committed vs spent. Commitments themselves are
 * placed through {@link FundingService} by the bundle that approves (procurement), inside its transaction.
 */
@Component(service = FundingResource.class, property = JaxRs.RESOURCE)
@Path("funding")
// every reader's roles; the methods that change something name their own
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.FINANCE, Roles.PROVINCE_OFFICER, Roles.AUDITOR,
        FundingResource.PROCUREMENT_OFFICER})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding", description = "Budget lines (central allocation, special epidemic fund, provincial budgets), "
        + "commitments and spend")
public class FundingResource {
    /** Procurement's officer role (its bundle decides who approves); reads the lines it commits on. */
    static final String PROCUREMENT_OFFICER = "procurement-officer";
    private static final String SCOPE_NOTE = "A caller bound to a province (province-<code>) sees that province's "
            + "lines only; ministry roles, auditors and national finance see all. Amounts are exact decimals in CNY.";

    private final FundingService funding;

    @Activate
    public FundingResource(@Reference FundingService funding) {
        this.funding = funding;
    }

    @GET
    @Path("budget-lines")
    @Operation(summary = "List budget lines", description = SCOPE_NOTE)
    public Page<BudgetLine> lines(@Context Caller caller,
            @Parameter(description = "CENTRAL_ALLOCATION, SPECIAL_EPIDEMIC_FUND or PROVINCIAL_BUDGET")
            @QueryParam("source") String source,
            @Parameter(description = "MINISTRY or a province code") @QueryParam("holder") String holder,
            @Parameter(description = "category, e.g. MASK") @QueryParam("category") String category,
            @BeanParam PageParams page) {
        return funding.lines(caller, filter(source, holder, category), page.limit(), page.cursor());
    }

    @POST
    @Path("budget-lines")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.FINANCE})
    @Operation(summary = "Open a budget line", description = "Finance or the ministry admin; a province's finance "
            + "(finance + province-<code>) for its own province only. currency: CNY (the default)")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BudgetLine.class)))
    public Response create(@Context Caller caller, @Context UriInfo uriInfo, @BeanParam IdempotencyHeader idempotency,
            @NotNull NewBudgetLine body) {
        BudgetLine line = funding.createLine(caller, body, idempotency.key());
        return Created.response(uriInfo, "funding/budget-lines", line.id(), line);
    }

    @GET
    @Path("budget-lines/{id: [0-9]+}")
    @Operation(summary = "Get a budget line", description = "budget, committed, spent and available (CNY)")
    public BudgetLine line(@Context Caller caller, @PathParam("id") long id) {
        return funding.line(caller, id);
    }

    @POST
    @Path("budget-lines/{id: [0-9]+}/adjustments")
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.FINANCE})
    @Operation(summary = "Top a line up or cut it", description = "delta: positive adds to the budget, negative cuts "
            + "it, never below committed + spent (409 naming delta); expectedVersion optional")
    public BudgetLine adjust(@Context Caller caller, @PathParam("id") long id, @BeanParam IdempotencyHeader idempotency,
            @NotNull BudgetAdjustment body) {
        return funding.adjustLine(caller, id, body, idempotency.key());
    }

    @GET
    @Path("budget-lines/{id: [0-9]+}/commitments")
    @Operation(summary = "The commitments on a line", description = "Oldest first: what each approval committed, "
            + "consumed, released and spent, with the original currency and the recorded rate")
    public Page<Commitment> commitments(@Context Caller caller, @PathParam("id") long id, @BeanParam PageParams page) {
        return funding.commitments(caller, id, page.limit(), page.cursor());
    }

    @GET
    @Path("summary")
    @Operation(summary = "Budget vs committed vs spent", description = "Totals over the lines the caller sees, one row "
            + "per group; " + SCOPE_NOTE)
    public Page<FundingSummary> summary(@Context Caller caller,
            @Parameter(description = "comma-separated SOURCE, HOLDER, CATEGORY (default: all three)")
            @QueryParam("group") String group,
            @Parameter(description = "CENTRAL_ALLOCATION, SPECIAL_EPIDEMIC_FUND or PROVINCIAL_BUDGET")
            @QueryParam("source") String source,
            @Parameter(description = "MINISTRY or a province code") @QueryParam("holder") String holder,
            @Parameter(description = "category, e.g. MASK") @QueryParam("category") String category) {
        List<FundingSummary> rows = funding.summary(caller, filter(source, holder, category), groups(group));
        return new Page<>(rows, null);
    }

    private static LineFilter filter(String source, String holder, String category) {
        return new LineFilter(QueryParams.enumValue(FundingSource.class, "source", source), QueryParams.text(holder),
                QueryParams.text(category));
    }

    private static Set<SummaryGroup> groups(String raw) {
        Set<SummaryGroup> out = EnumSet.noneOf(SummaryGroup.class);
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            try {
                out.add(SummaryGroup.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("group", "group must list SOURCE, HOLDER or CATEGORY");
            }
        }
        return out;
    }
}
