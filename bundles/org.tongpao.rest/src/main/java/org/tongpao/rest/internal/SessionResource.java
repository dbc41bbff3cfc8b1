package org.tongpao.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.annotation.security.PermitAll;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.rest.RateLimited;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * {@code /session}: the browser's login. {@code POST} checks the user name and password like an HTTP Basic login
 * (the same realm, the same failed-login throttle) and answers with a cookie that holds only a random session id
 * ({@code HttpOnly; SameSite=Strict; Path=/}, {@code Secure} over https) and the session's CSRF token, which every
 * unsafe request with the cookie must repeat in {@code X-CSRF-Token} ({@link AuthenticationFilter}). The login
 * accepts only {@code application/json}, which a cross-site form cannot send, so no other site can log a browser in.
 */
@Path("session")
@Tag(name = "session", description = "Browser login with a session cookie and a CSRF token")
public final class SessionResource {
    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    /** The login body. */
    @Schema(name = "Login")
    public record Login(@NotBlank @Size(max = 128) String username, @NotNull @Size(max = 1024) String password) {
    }

    /** Who is logged in, with the token unsafe requests must repeat. */
    @Schema(name = "Session")
    public record SessionInfo(String user, List<String> roles, String province, String depot,
            @Schema(description = "Repeat in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE; null "
                    + "when the caller used HTTP Basic") String csrfToken,
            @Schema(description = "When the session ends without further requests") Instant expiresAt,
            long idleTimeoutSeconds) {
    }

    private final Authenticator authenticator;
    private final LoginGuard guard;
    private final BrowserSessions sessions;
    private final boolean publicHttps;

    SessionResource(Authenticator authenticator, LoginGuard guard, BrowserSessions sessions, String publicBaseUrl) {
        this.authenticator = authenticator;
        this.guard = guard;
        this.sessions = sessions;
        this.publicHttps = publicBaseUrl != null && publicBaseUrl.regionMatches(true, 0, "https:", 0, 6);
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @RateLimited(value = "session-login", requests = 60, perSeconds = 60)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in (browser)", description = "Checks the credentials like HTTP Basic (same failed-login "
            + "throttle: 429 with Retry-After) and sets the session cookie; the answer carries the CSRF token")
    @ApiResponse(responseCode = "201", description = "Logged in; Set-Cookie: tongpao_session=…; HttpOnly; "
            + "SameSite=Strict; Path=/", content = @Content(schema = @Schema(implementation = SessionInfo.class)))
    @ApiResponse(responseCode = "401", description = "Wrong user name or password (no WWW-Authenticate: Basic, so "
            + "that a browser does not open its own dialog)", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public Response login(@Context HttpHeaders headers, @Context UriInfo uriInfo, @Context SecurityContext security,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Login.class)))
            @Valid @NotNull Login login) {
        String address = guard.clientAddress(AuthenticationFilter.remoteAddress(),
                headers.getHeaderString(AuthenticationFilter.FORWARDED_FOR));
        String requestId = RequestState.requestId();
        String path = uriInfo.getRequestUri().getRawPath();
        LoginThrottle.Verdict verdict = guard.check(login.username(), address);
        if (!verdict.allowed()) {
            LOG.info("Browser login for user '{}' from {} not checked: {}", AuthenticationFilter.printable(
                    login.username()), address, verdict.reason());
            return AuthenticationFilter.tooManyFailures(path, requestId, verdict);
        }
        char[] password = login.password().toCharArray();
        Optional<Authenticator.Identity> identity;
        try {
            identity = authenticator.authenticate(login.username(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (identity.isEmpty()) {
            LOG.info("Failed browser login for user '{}' from {}", AuthenticationFilter.printable(login.username()),
                    address);
            guard.failed(login.username(), address, requestId);
            // no WWW-Authenticate: Basic here, or the browser would open its own password dialog
            return Problems.response(Problems.problem(401, "unauthorized", "Unauthorized", "invalid credentials",
                    path, requestId));
        }
        guard.succeeded(login.username(), address);
        BrowserSessions.Session s = sessions.create(identity.get());
        LOG.info("Browser session started for user '{}' from {}", identity.get().user(), address);
        boolean secure = publicHttps || (security != null && security.isSecure());
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.SET_COOKIE, BrowserSessions.COOKIE + "=" + s.id()
                        + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(info(Caller.of(s.identity().user(), s.identity().roles(), requestId), s)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current login", description = "Who the session cookie (or HTTP Basic) belongs to, "
            + "and the session's CSRF token: a page that is reloaded reads it here")
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SessionInfo.class)))
    public Response current(@Context Caller caller, @Context HttpHeaders headers) {
        // only the caller's own session: with Basic credentials and someone else's cookie, no token
        BrowserSessions.Session s = session(headers).filter(x -> x.identity().user().equals(caller.user()))
                .orElse(null);
        return Response.ok(info(caller, s)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "Log out (browser)", description = "Ends the session (with the cookie, the X-CSRF-Token "
            + "header is needed like for every unsafe request) and clears the cookie; without a session it only "
            + "clears the cookie")
    @ApiResponse(responseCode = "204", description = "Logged out")
    @ApiResponse(responseCode = "403", description = "The session cookie without its X-CSRF-Token",
            ref = "#/components/responses/Forbidden")
    public Response logout(@Context HttpHeaders headers) {
        Cookie c = headers.getCookies().get(BrowserSessions.COOKIE);
        if (c != null) {
            sessions.remove(c.getValue());
        }
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, BrowserSessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
                .build();
    }

    private Optional<BrowserSessions.Session> session(HttpHeaders headers) {
        Cookie c = headers.getCookies().get(BrowserSessions.COOKIE);
        // the filter has just touched it: a second touch only moves the idle clock again
        return c == null ? Optional.empty() : sessions.touch(c.getValue());
    }

    private SessionInfo info(Caller caller, BrowserSessions.Session s) {
        return new SessionInfo(caller.user(), List.copyOf(new TreeSet<>(caller.roles())), caller.provinceCode(),
                caller.depotCode(), s == null ? null : s.csrfToken(),
                s == null ? null : Instant.ofEpochMilli(sessions.expiresMillis(s)),
                sessions.limits().idleMillis() / 1000);
    }
}
