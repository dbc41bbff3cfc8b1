package org.tongpao.federation.inventory.internal.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Roles;
import org.tongpao.core.rest.JaxRs;

/**
 * {@code /federation/rebuild}: at central, a province's rebuild stream; at a provincial node, starting (or
 * resuming) its rebuild and its progress.
 */
@Component(service = RebuildResource.class, property = JaxRs.RESOURCE)
@Path("federation/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation", description = "Provincial installs federated with the central install")
public class RebuildResource {

    @Reference
    RebuildSource source;
    @Reference
    Rebuilder rebuilder;

    // no @RolesAllowed: the node role depends on the path (node-<province>), so RebuildSource checks it
    @GET
    @Path("{province}")
    @Operation(summary = "Read a province's rebuild stream (central)", description = "Master data, then the lots and"
            + " balances of the province's depots as central holds them, in keyset pages; the first page carries the"
            + " manifest. Only the province's node user (role node-<code>) or a ministry administrator; 409 while"
            + " central has not caught up with the province (messages from it queued or parked)")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = RebuildPage.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    public RebuildPage stream(@Context Caller caller, @PathParam("province") String province,
            @Parameter(description = "nextCursor of the previous page; absent for the first")
            @QueryParam("after") String after,
            @Parameter(description = "records per page, 1-20000 (master data pages hold at most 500); default 5000")
            @QueryParam("limit") String limit) {
        return source.page(caller, province, after, limit);
    }

    @POST
    @RolesAllowed(Roles.MINISTRY_ADMIN)
    @Operation(summary = "Rebuild this provincial node from central",
            description = "Starts the rebuild, or resumes an unfinished one, in the background (202); ordinary writes"
                    + " answer 409 until it finishes. 409 on central, or when this node already holds its stock")
    @ApiResponse(responseCode = "202", description = "Started or resumed",
            content = @Content(schema = @Schema(implementation = RebuildRun.class)))
    public Response start(@Context Caller caller) {
        return Response.status(Response.Status.ACCEPTED).entity(rebuilder.start(caller)).build();
    }

    @GET
    @RolesAllowed({Roles.MINISTRY_ADMIN, Roles.MINISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "This node's rebuild", description = "The newest run: state, records applied of those"
            + " expected, the cursor it resumes from, the last error; 404 when this node was never rebuilt")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = RebuildRun.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public RebuildRun status() {
        return rebuilder.status().orElseThrow(() -> new NotFoundException("this node was never rebuilt"));
    }
}
