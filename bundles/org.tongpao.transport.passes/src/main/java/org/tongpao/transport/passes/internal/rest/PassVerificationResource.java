package org.tongpao.transport.passes.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import java.util.List;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.rest.RateLimited;
import org.tongpao.transport.passes.internal.PassService;
import org.tongpao.transport.passes.internal.Verification;
import org.tongpao.transport.passes.internal.VerificationPage;

/**
 * {@code /passes/verify/{code}}: what a checkpoint officer's phone opens from the QR code. No login; limited per
 * client address like failed logins, so the codes cannot be enumerated (192 bits would not be anyway) and the
 * endpoint cannot be used to flood the database.
 */
@Component(service = PassVerificationResource.class, property = JaxRs.RESOURCE)
@Path("passes/verify")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@Tag(name = "Entry passes")
public class PassVerificationResource {
    /** Calls per minute and client address; a checkpoint scans far fewer. */
    static final int PER_MINUTE = 30;

    private final PassService passes;

    @Activate
    public PassVerificationResource(@Reference PassService passes) {
        this.passes = passes;
    }

    @GET
    @Path("{code}")
    @PermitAll
    @RateLimited(value = "pass-verification", requests = PER_MINUTE, perSeconds = 60)
    @Operation(summary = "Verify an entry pass (public, for checkpoints)", description = "Whether the pass is valid "
            + "now and why not (NOT_YET_VALID, EXPIRED, REVOKED, SUPERSEDED by a newer print-out, UNKNOWN), its "
            + "area, validity window, vehicle plate and issuing authority; nothing else. No credentials; at most "
            + PER_MINUTE + " calls a minute per client address (org.tongpao.rest rateLimits: pass-verification)")
    @ApiResponse(responseCode = "200", description = "The answer: JSON for machines; a small bilingual page (strict "
            + "Content-Security-Policy, no script) when the client prefers text/html, as a phone's browser opening the "
            + "QR code does", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public Response verify(@PathParam("code") String code, @Context HttpHeaders headers) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Verification v = passes.verify(code);
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(VerificationPage.html(v), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .cacheControl(noStore).header("Content-Security-Policy", VerificationPage.POLICY).build();
        }
        return Response.ok(v, MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).build();
    }

    /**
     * Content negotiation on the one URL the QR code holds: the first acceptable type (by quality) that names JSON or
     * HTML decides; a wildcard or nothing at all means JSON, so scripts and API clients get what they always got.
     */
    static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType t : acceptable) {
            if (t.isWildcardType() || t.isWildcardSubtype()) {
                return false;
            }
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) || t.getSubtype().endsWith("+json")) {
                return false;
            }
            if (t.isCompatible(MediaType.TEXT_HTML_TYPE) || t.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
