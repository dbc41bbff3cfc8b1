package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * The browser login in the real server stack on a loopback port: the cookie's flags, the cookie as an alternative
 * to HTTP Basic, the CSRF token on unsafe methods, logout, the idle timeout (a clock of the test's own) and the
 * failed-login throttle shared with Basic.
 */
class SessionHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong NOW = new AtomicLong(1_000_000);
    private static final Authenticator REALM = (user, password) -> "pw".equals(new String(password))
            ? Optional.of(new Authenticator.Identity(user, "hubei".equals(user)
                    ? Set.of("province-officer", "province-42") : Set.of("ministry-admin")))
            : Optional.empty();
    private static final EndpointSwitch ENDPOINT = new EndpointSwitch();
    private static final BrowserSessions SESSIONS = new BrowserSessions(
            new BrowserSessions.Limits(30 * 60_000L, 12 * 3_600_000L), NOW::get);
    private static Bus bus;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        base = HttpTests.freshBase();
        bus = BusFactory.newInstance().createBus();
        LoginGuard guard = new LoginGuard(new LoginThrottle(LoginThrottle.Settings.defaults(), NOW::get), Set.of());
        ServerFactory factory = new ServerFactory(bus, REALM, guard, SESSIONS);
        ENDPOINT.switchTo(factory.create(new ServerFactory.Settings(base, "tongpao", 2048, "1.0.0", "/v1/openapi.json"),
                List.of(new TestResources.Items()), List.of()));
    }

    @AfterAll
    static void stop() {
        HttpTests.stop(ENDPOINT, bus);
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        return HTTP.send(HttpTests.request(base, "/session", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        java.util.Map.of("username", user, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<?> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String item() {
        return "{\"code\":\"MASK-N95\",\"shelfLifeMonths\":12}";
    }

    @Test
    void aLoginSetsAnHttpOnlyStrictCookieThatAuthenticatesAndUnsafeMethodsNeedTheToken() throws Exception {
        HttpResponse<String> in = login("hubei", "pw");
        assertThat(in.statusCode()).isEqualTo(201);
        String set = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).startsWith("tongpao_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/").doesNotContain("Secure"); // plain http here
        assertThat(in.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = JSON.readTree(in.body());
        assertThat(body.get("user").asText()).isEqualTo("hubei");
        assertThat(body.get("province").asText()).isEqualTo("42");
        String token = body.get("csrfToken").asText();
        assertThat(token).hasSizeGreaterThan(40).isNotEqualTo(cookieOf(in).substring("tongpao_session=".length()));
        assertThat(in.body()).doesNotContain(cookieOf(in).substring("tongpao_session=".length()));
        String cookie = cookieOf(in);

        HttpResponse<String> me = send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("province").asText()).isEqualTo("42");
        assertThat(me.headers().firstValue("Cache-Control")).contains("no-store");

        HttpResponse<String> current = send(HttpTests.request(base, "/session", null).header("Cookie", cookie));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(current.body()).get("csrfToken").asText()).isEqualTo(token);

        HttpRequest.Builder post = HttpTests.request(base, "/items", null).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(item()));
        HttpResponse<String> noToken = send(post);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(JSON.readTree(noToken.body()).get("type").asText()).isEqualTo("urn:tongpao:problem:csrf-token-required");
        assertThat(JSON.readTree(noToken.body()).get("detail").asText()).contains("X-CSRF-Token");
        HttpResponse<String> wrongToken = send(HttpTests.request(base, "/items", null).header("Cookie", cookie)
                .header("X-CSRF-Token", token.substring(1) + "x").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item())));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = send(HttpTests.request(base, "/items", null).header("Cookie", cookie)
                .header("X-CSRF-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(item())));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withToken.body()).get("createdBy").asText()).isEqualTo("hubei@42");

        // logout needs the token too, then the cookie is worth nothing
        assertThat(send(HttpTests.request(base, "/session", null).header("Cookie", cookie).DELETE()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> out = send(HttpTests.request(base, "/session", null).header("Cookie", cookie)
                .header("X-CSRF-Token", token).DELETE());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        HttpResponse<String> after = send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie));
        assertThat(after.statusCode()).isEqualTo(401);
        // a page's request is not challenged with Basic (the browser would open its password dialog)
        assertThat(after.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Session ");
    }

    @Test
    void aSessionEndsAfterItsIdleTimeButEachRequestRestartsTheClock() throws Exception {
        String cookie = cookieOf(login("idle", "pw"));
        NOW.addAndGet(29 * 60_000L);
        assertThat(send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie)).statusCode()).isEqualTo(200);
        NOW.addAndGet(29 * 60_000L);
        assertThat(send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie)).statusCode()).isEqualTo(200);
        NOW.addAndGet(30 * 60_000L);
        assertThat(send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionEndsAtItsMaximumAgeEvenWhenBusy() throws Exception {
        String cookie = cookieOf(login("busy", "pw"));
        for (int i = 0; i < 25; i++) { // 25 × 29 min > 12 h
            NOW.addAndGet(29 * 60_000L);
            send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie));
        }
        assertThat(send(HttpTests.request(base, "/items/me", null).header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401WithoutABasicChallengeAndFailedLoginsAreThrottledLikeBasic() throws Exception {
        HttpResponse<String> wrong = login("guessed", "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        int refused = 0;
        for (int i = 0; i < 12 && refused == 0; i++) {
            HttpResponse<String> r = login("guessed", "nope" + i);
            if (r.statusCode() == 429) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                NOW.addAndGet(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) * 1000);
            }
        }
        assertThat(refused).as("the throttle slows guesses down").isEqualTo(1);
        // the throttle is the Basic one: the same account is slowed down over Basic too
        assertThat(send(HttpTests.request(base, "/items/me", null)
                .header("Authorization", HttpTests.basic("guessed", "nope-again"))).statusCode()).isIn(401, 429);
    }

    @Test
    void theLoginTakesOnlyJsonAndNamesAMissingField() throws Exception {
        HttpResponse<String> form = send(HttpTests.request(base, "/session", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&password=pw")));
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> missing = send(HttpTests.request(base, "/session", null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"pw\"}")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("username");
    }

    @Test
    void anUnknownCookieIsNoCredentialAndBasicStillWorksBesideIt() throws Exception {
        assertThat(send(HttpTests.request(base, "/items/me", null).header("Cookie", "tongpao_session=forged"))
                .statusCode()).isEqualTo(401);
        assertThat(send(HttpTests.request(base, "/items/me", "someone").header("Cookie", "tongpao_session=forged"))
                .statusCode()).isEqualTo(200);
        // a login with a stale cookie still works and hands out a new id (no fixation)
        String old = cookieOf(login("again", "pw"));
        HttpResponse<String> second = HTTP.send(HttpTests.request(base, "/session", null).header("Cookie", old)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"again\",\"password\":\"pw\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(cookieOf(second)).isNotEqualTo(old);
    }

    @Test
    void theDocumentDescribesTheLoginWithItsBodyAndAnswers() throws Exception {
        JsonNode doc = JSON.readTree(send(HttpTests.request(base, "/openapi.json", null)).body());
        JsonNode session = doc.get("paths").get("/session");
        JsonNode post = session.get("post");
        assertThat(post.get("responses").has("201")).isTrue();
        assertThat(post.get("responses").has("401")).isTrue();
        assertThat(post.get("responses").has("429")).isTrue();
        assertThat(post.get("requestBody").toString()).contains("#/components/schemas/Login");
        assertThat(session.get("get").get("responses").get("200").toString()).contains("#/components/schemas/Session");
        assertThat(session.get("get").get("responses").has("401")).isTrue();
        assertThat(session.get("delete").get("responses").has("204")).isTrue();
        assertThat(session.get("delete").get("responses").has("403")).isTrue();
        assertThat(doc.get("components").get("schemas").get("Login").get("properties").has("password")).isTrue();
    }
}
