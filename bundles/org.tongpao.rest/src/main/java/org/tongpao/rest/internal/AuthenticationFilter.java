package org.tongpao.rest.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * HTTP Basic against the realm, or the browser's session cookie ({@link BrowserSessions}, made by
 * {@code POST /session}) when no {@code Authorization} header is sent. With the cookie, an unsafe method must
 * carry the session's CSRF token in {@code X-CSRF-Token} (else 403), whether or not the operation is public; the
 * login itself ignores the cookie. An unknown or expired cookie counts as no credentials. Runs after matching so {@code @PermitAll} methods and the API
 * documentation stay open; there, valid credentials still yield a caller and bad ones are ignored.
 * Every login passes the {@link LoginGuard} first, before the login cache, so a locked account or address
 * gets 429 even with the right password; failures and successes are reported back to it.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator authenticator;
    private final Supplier<String> realm;
    private final LoginGuard guard;
    private final BrowserSessions sessions;

    @Context
    private ResourceInfo resourceInfo;

    AuthenticationFilter(Authenticator authenticator, Supplier<String> realm, LoginGuard guard,
            BrowserSessions sessions) {
        this.authenticator = authenticator;
        this.realm = realm;
        this.guard = guard;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = AccessRules.isPublic(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            Cookie cookie = request.getCookies().get(BrowserSessions.COOKIE);
            if (cookie != null && !isLogin()) {
                Optional<BrowserSessions.Session> session = sessions.touch(cookie.getValue());
                if (session.isPresent()) {
                    useSession(request, session.get());
                    return;
                }
                LOG.debug("Unknown or expired session cookie on {}", request.getUriInfo().getPath());
            }
            if (!open) {
                request.abortWith(unauthorized(request, "authentication required"));
            }
            return;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(header);
        if (credentials.isEmpty()) {
            LOG.debug("Malformed Basic credentials on {}", request.getUriInfo().getPath());
            if (!open) {
                request.abortWith(unauthorized(request, "malformed Basic credentials"));
            }
            return;
        }
        BasicCredentials c = credentials.get();
        String address = guard.clientAddress(remoteAddress(), request.getHeaderString(FORWARDED_FOR));
        LoginThrottle.Verdict verdict = guard.check(c.user(), address);
        if (!verdict.allowed()) {
            Arrays.fill(c.password(), '\0');
            LOG.info("Login for user '{}' from {} not checked: {} for {} s more", printable(c.user()), address,
                    verdict.reason(), verdict.retryAfterSeconds());
            if (!open) {
                request.abortWith(tooManyFailures(request, verdict));
            }
            return;
        }
        Optional<Authenticator.Identity> identity;
        try {
            identity = authenticator.authenticate(c.user(), c.password());
        } finally {
            Arrays.fill(c.password(), '\0');
        }
        if (identity.isEmpty()) {
            // info, not warn: failed logins are routine and would otherwise flood the log
            LOG.info("Failed login for user '{}' from {}", printable(c.user()), address);
            guard.failed(c.user(), address, String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)));
            if (!open) {
                request.abortWith(unauthorized(request, "invalid credentials"));
            }
            return;
        }
        guard.succeeded(c.user(), address);
        String requestId = String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY));
        Caller caller = Caller.of(identity.get().user(), identity.get().roles(), requestId);
        request.setProperty(RequestState.CALLER_PROPERTY, caller);
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext() != null
                && request.getSecurityContext().isSecure()));
    }

    private void useSession(ContainerRequestContext request, BrowserSessions.Session session) {
        if (!SAFE_METHODS.contains(request.getMethod())
                && !BrowserSessions.csrfMatches(session, request.getHeaderString(BrowserSessions.CSRF_HEADER))) {
            LOG.info("Refused {} {} with a session cookie of user '{}' but without its CSRF token", request.getMethod(),
                    request.getUriInfo().getPath(), session.identity().user());
            request.abortWith(Problems.response(Problems.problem(403, "csrf-token-required", "CSRF token required",
                    "a " + request.getMethod() + " with the session cookie must send the session's token in the "
                            + BrowserSessions.CSRF_HEADER + " header",
                    request.getUriInfo().getRequestUri().getRawPath(),
                    String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)))));
            return;
        }
        String requestId = String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY));
        Caller caller = Caller.of(session.identity().user(), session.identity().roles(), requestId);
        request.setProperty(RequestState.CALLER_PROPERTY, caller);
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext() != null
                && request.getSecurityContext().isSecure()));
    }

    /** The login ignores a cookie it is about to replace (an old one must not make it need a token). */
    private boolean isLogin() {
        return resourceInfo.getResourceClass() == SessionResource.class && resourceInfo.getResourceMethod() != null
                && "login".equals(resourceInfo.getResourceMethod().getName());
    }

    private Response unauthorized(ContainerRequestContext request, String detail) {
        Problem p = Problems.problem(401, "unauthorized", "Unauthorized", detail,
                request.getUriInfo().getRequestUri().getRawPath(),
                String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)));
        return Problems.builder(p).header(HttpHeaders.WWW_AUTHENTICATE, challenge(request, realm.get())).build();
    }

    /**
     * Basic for API clients; a page's own requests (the session cookie, or {@code X-Requested-With}) get a scheme
     * the browser does not answer with its password dialog.
     */
    static String challenge(ContainerRequestContext request, String realmName) {
        boolean browser = request.getCookies().containsKey(BrowserSessions.COOKIE)
                || "XMLHttpRequest".equalsIgnoreCase(request.getHeaderString("X-Requested-With"));
        return (browser ? "Session" : "Basic") + " realm=\"" + realmName.replace("\"", "") + "\"";
    }

    /** 429 with Retry-After; the same answer whether or not the account exists. */
    static Response tooManyFailures(ContainerRequestContext request, LoginThrottle.Verdict verdict) {
        return tooManyFailures(request.getUriInfo().getRequestUri().getRawPath(),
                String.valueOf(request.getProperty(RequestState.REQUEST_ID_PROPERTY)), verdict);
    }

    static Response tooManyFailures(String path, String requestId, LoginThrottle.Verdict verdict) {
        long seconds = verdict.retryAfterSeconds();
        String detail = switch (verdict.reason()) {
            case ADDRESS_LOCKED -> "too many failed logins from this address; retry in " + seconds + " s";
            case ACCOUNT_LOCKED -> "too many failed logins for this account from this address; retry in " + seconds
                    + " s";
            case DELAYED -> "login attempts for this account from this address are slowed down; retry in " + seconds
                    + " s";
        };
        Problem p = Problems.problem(429, "too-many-login-failures", "Too many failed logins", detail, path, requestId);
        return Problems.builder(p).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }


    /** The connection's peer address, as Jetty saw it. */
    static String remoteAddress() {
        Message m = PhaseInterceptorChain.getCurrentMessage();
        Object http = m == null ? null : m.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
    }

    /** A user name fit for one log line: no control characters, bounded length. */
    static String printable(String user) {
        String s = user.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
