package org.tongpao.federation.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.PageParams;
import org.tongpao.core.rest.QueryParams;
import org.tongpao.federation.internal.FederationAdmin;
import org.tongpao.federation.internal.FederationStatus;
import org.tongpao.federation.internal.ParkReason;
import org.tongpao.federation.internal.ParkedMessage;

/** {@code /federation}: this node's links and its parked messages. */
@Component(service = FederationResource.class, property = JaxRs.RESOURCE)
@Path("federation")
@RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation", description = "Provincial installs linked with the central install over ActiveMQ Artemis")
public class FederationResource {

    private final FederationAdmin federation;

    @Activate
    public FederationResource(@Reference FederationAdmin federation) {
        this.federation = federation;
    }

    @GET
    @Operation(summary = "This node's links", description = "Per link: connected, last sent and received, backlog "
            + "(messages not yet acknowledged by the broker) and the age of the oldest, parked messages, lag of the last "
            + "message received; state 'not configured' when no broker is set. The ministry and auditors see every "
            + "link, a province officer only its own province's")
    public FederationStatus status(@Context Caller caller) {
        return federation.status(caller);
    }

    @GET
    @Path("parked")
    @Operation(summary = "Parked messages", description = "Messages set aside (NO_HANDLER, NEWER_MAJOR, FAILED, "
            + "REFUSED) with their raw envelope, oldest first")
    public Page<ParkedMessage> parked(@Context Caller caller, @BeanParam PageParams page,
            @Parameter(description = "The node whose link it arrived on, e.g. province:42") @QueryParam("link") String link,
            @Parameter(description = "Message type") @QueryParam("type") String type,
            @Parameter(description = "NO_HANDLER, NEWER_MAJOR, FAILED or REFUSED") @QueryParam("reason") String reason,
            @Parameter(description = "true: only those a retry applied; false: only those still parked")
            @QueryParam("resolved") String resolved) {
        return federation.parked(caller, QueryParams.text(link), QueryParams.text(type),
                QueryParams.enumValue(ParkReason.class, "reason", reason), QueryParams.bool("resolved", resolved),
                page.limit(), page.cursor());
    }

    @POST
    @Path("parked/{seq: [0-9]+}/retry")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.PROVINCE_OFFICER})
    @Operation(summary = "Apply a parked message again", description = "Now, with the handlers installed now; answers "
            + "the message afterwards (resolved set when it applied). 409 for a refused message")
    public ParkedMessage retry(@Context Caller caller, @PathParam("seq") long seq,
            @RequestBody(required = false, description = "No body needed", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object"))) String body) {
        return federation.retry(caller, seq);
    }
}
