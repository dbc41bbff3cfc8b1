package org.tongpao.core.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
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
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditEntry;
import org.tongpao.core.persistence.AuditQuery;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;

/** {@code /audit}: who changed what, when and through which request, newest first. */
@Component(service = AuditResource.class, property = JaxRs.RESOURCE)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The audit trail: one row per change, with the entity before and after")
public class AuditResource {
    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Read the audit trail", description = "Newest first; every filter optional and combined "
            + "with AND. Example: who deactivated depot 12 → ?entity=depot&entityId=12")
    public Page<AuditEntry> list(@Context Caller caller,
            @Parameter(description = "Audited type, e.g. orgunit, item, depot, lot, posting, transfer, "
                    + "reservation, need, key-area, allocation-plan, allocation-batch, shipment, carrier-contract")
            @QueryParam("entity") String entity,
            @Parameter(description = "The entity's id") @QueryParam("entityId") String entityId,
            @Parameter(description = "User name") @QueryParam("actor") String actor,
            @Parameter(description = "ISO-8601 instant, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @QueryParam("to") String to,
            @Parameter(description = "The X-Request-Id of the change") @QueryParam("requestId") String requestId,
            @BeanParam PageParams page) {
        AuditQuery query = new AuditQuery(QueryParams.text(entity), QueryParams.text(entityId), QueryParams.text(actor),
                QueryParams.instant("from", from), QueryParams.instant("to", to), QueryParams.text(requestId));
        return audit.find(caller, query, page.limit(), page.cursor());
    }
}
