package org.tongpao.rest.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.core.testing.RawHttp;

/**
 * A real Jetty 9.4 configured by the distribution's own etc/jetty.xml, with a context like pax-web's: every
 * error Jetty or a servlet answers is problem+json with a request id, and security headers are on every answer.
 * Raw sockets, because an HTTP client would refuse to send the malformed requests.
 */
class HardeningHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        // what CXF's servlet does for a path no endpoint serves
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                if (req.getRequestURI().endsWith("/ok")) {
                    res.setContentType("text/plain");
                    res.getWriter().write("ok " + req.getHeader("X-Request-Id"));
                    return;
                }
                res.setStatus(404);
                res.setContentType("text/html");
                res.getWriter().write("<html><body>No service was found.</body></html>");
            }
        }), "/api/*");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                throw new IllegalStateException("secret internals");
            }
        }), "/boom");
        server.setHandler(context);
        Path jettyXml = Path.of("../../karaf-assembly/src/main/resources/assembly/etc/jetty.xml");
        assertThat(jettyXml).exists();
        XmlConfiguration xml = new XmlConfiguration(Resource.newResource(jettyXml.toUri().toURL()));
        xml.getIdMap().put("Server", server);
        xml.configure(server);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static RawHttp raw(String request) throws IOException {
        return RawHttp.send(port, request);
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
    }

    private static JsonNode problem(RawHttp a, int status) throws IOException {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(a.header("X-Request-Id")).isNotBlank();
        assertThat(a.body()).doesNotContain("<").doesNotContain("secret").doesNotContain("Exception");
        JsonNode b = JSON.readTree(a.body());
        assertThat(b.get("status").asInt()).isEqualTo(status);
        assertThat(b.get("type").asText()).startsWith("urn:tongpao:problem:");
        assertThat(b.get("requestId").asText()).isEqualTo(a.header("X-Request-Id"));
        return b;
    }

    @Test
    void malformedRequestsAreProblems() throws Exception {
        JsonNode badHeader = problem(raw("GET /api/x HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n"), 400);
        assertThat(badHeader.get("type").asText()).isEqualTo("urn:tongpao:problem:bad-request");
        problem(raw("GET /api/x HTTP/9.9\r\nHost: a\r\n\r\n"), 505);
        problem(raw(get("/api/" + "a".repeat(20_000))), 414);
        problem(raw(get("/api/ok", "X-Big: " + "a".repeat(20_000) + "\r\n")), 431);
    }

    @Test
    void traceIsRefused() throws Exception {
        RawHttp a = raw("TRACE /api/ok HTTP/1.1\r\nHost: a\r\nAuthorization: Basic c2VjcmV0\r\nConnection: close\r\n\r\n");
        JsonNode b = problem(a, 405);
        assertThat(a.body()).doesNotContain("c2VjcmV0");
        assertThat(b.get("instance").asText()).isEqualTo("/api/ok");
        problem(raw("TRACK /nothing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), 405);
    }

    @Test
    void servletAndContextErrorsAreProblems() throws Exception {
        JsonNode cxf = problem(raw(get("/api/v2/x", "X-Request-Id: abc-123\r\n")), 404);
        assertThat(cxf.get("requestId").asText()).isEqualTo("abc-123");
        assertThat(cxf.get("instance").asText()).isEqualTo("/api/v2/x");
        problem(raw(get("/nothing")), 404);
        // Jetty sends no error body for DELETE by default (its default servlet answers 405 here)
        problem(raw("DELETE /nothing HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), 405);
        problem(raw(get("/boom")), 500);
    }

    @Test
    void successfulAnswersKeepTheirBodyAndGetHeadersAndAnId() throws Exception {
        RawHttp ok = raw(get("/api/ok", "X-Request-Id: <script>\r\n"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(ok.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(ok.header("Referrer-Policy")).isEqualTo("no-referrer");
        // the servlet saw a well-formed id in place of the malformed one
        assertThat(ok.body()).matches("ok [0-9a-f-]{36}");
        assertThat(raw(get("/api/ok", "X-Request-Id: mine-1\r\n")).body()).isEqualTo("ok mine-1");
    }

    @Test
    void onlyHtmlOrTextErrorBodiesAreReplaced() {
        assertThat(ProblemBodyInterceptor.needsReplacing(404, "text/html;charset=utf-8", false)).isTrue();
        assertThat(ProblemBodyInterceptor.needsReplacing(500, null, false)).isTrue();
        assertThat(ProblemBodyInterceptor.needsReplacing(503, "application/json", false)).isFalse();
        assertThat(ProblemBodyInterceptor.needsReplacing(404, "application/problem+json", false)).isFalse();
        assertThat(ProblemBodyInterceptor.needsReplacing(200, "text/html", false)).isFalse();
        assertThat(ProblemBodyInterceptor.needsReplacing(404, "text/html", true)).isFalse();
    }

    @Test
    void bodyEscapesWhatItQuotes() throws Exception {
        JsonNode b = JSON.readTree(ProblemBody.json(404, "/a\"b\\c<d>\u0001", "id"));
        assertThat(b.get("instance").asText()).isEqualTo("/a\"b\\c<d>\u0001");
        assertThat(ProblemBody.json(404, "/<x>", "id")).doesNotContain("<");
        assertThat(ProblemBody.requestId("ok.id_1-2")).isEqualTo("ok.id_1-2");
        assertThat(ProblemBody.requestId("a b")).hasSize(36);
    }
}
