package org.tongpao.dashboard.internal;

import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves {@link StaticFiles} under {@code /dashboard/}: GET and HEAD only, content type by extension, gzip when the
 * browser takes it, ETag revalidation (304), and the security headers of the API with a policy that allows this
 * origin's own scripts, styles and requests and nothing inline (the pages have no inline script or style).
 */
final class DashboardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final transient StaticFiles files;

    DashboardServlet(StaticFiles files) {
        this.files = files;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        securityHeaders(response);
        String path = request.getPathInfo();
        if (path == null) {
            // /dashboard → /dashboard/, so that the page's relative links resolve below it
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURI() + "/");
            return;
        }
        String name = path.equals("/") ? StaticFiles.INDEX : path.substring(1);
        Optional<StaticFiles.File> found = files.get(name);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StaticFiles.File f = found.get();
        response.setHeader("ETag", f.etag());
        response.setHeader("Vary", "Accept-Encoding");
        // the page revalidates every time; its scripts and styles for an hour (their ETag changes with a release)
        response.setHeader("Cache-Control", StaticFiles.INDEX.equals(name) ? "no-cache" : "public, max-age=3600");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(f.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(f.contentType());
        String accepts = request.getHeader("Accept-Encoding");
        byte[] body = f.body();
        if (accepts != null && accepts.contains("gzip") && f.gzipped().length < body.length) {
            response.setHeader("Content-Encoding", "gzip");
            body = f.gzipped();
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
