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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * The throttle in the real server stack on a loopback port, with the login cache in front of a stub realm
 * and a clock of the test's own: 429 with Retry-After as problem+json, and a locked account kept out even
 * with its right, cached password.
 */
class LoginThrottleHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong NOW = new AtomicLong(1_000_000);
    private static final AtomicInteger REALM_CALLS = new AtomicInteger();
    private static final Authenticator REALM = (user, password) -> {
        REALM_CALLS.incrementAndGet();
        return "pw".equals(new String(password)) ? Optional.of(new Authenticator.Identity(user, Set.of("ministry-admin")))
                : Optional.empty();
    };
    private static final EndpointSwitch ENDPOINT = new EndpointSwitch();
    private static Bus bus;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        base = HttpTests.freshBase();
        bus = BusFactory.newInstance().createBus();
        LoginGuard guard = new LoginGuard(new LoginThrottle(LoginThrottle.Settings.defaults(), NOW::get), Set.of());
        ServerFactory factory = new ServerFactory(bus, new CachingAuthenticator(REALM, 30_000, System::nanoTime), guard);
        ENDPOINT.switchTo(factory.create(new ServerFactory.Settings(base, "tongpao", 2048, "1.0.0", "/v1/openapi.json"),
                List.of(new TestResources.Items()), List.of()));
    }

    @AfterAll
    static void stop() {
        HttpTests.stop(ENDPOINT, bus);
    }

    private static HttpResponse<String> get(String user, String password, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpTests.request(base, "/items/me", null)
                .header("Authorization", HttpTests.basic(user, password));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLockedAccountGets429WithRetryAfterEvenWithItsRightCachedPassword() throws Exception {
        assertThat(get("victim", "pw", null).statusCode()).isEqualTo(200); // now in the login cache
        int calls = REALM_CALLS.get();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = get("victim", "wrong" + i, null);
            if (r.statusCode() == 429) {
                NOW.addAndGet(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) * 1000);
                i--;
                continue;
            }
            assertThat(r.statusCode()).isEqualTo(401);
        }
        assertThat(REALM_CALLS.get() - calls).as("every counted guess was really checked").isEqualTo(10);

        HttpResponse<String> locked = get("victim", "pw", null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("900");
        assertThat(locked.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode p = JSON.readTree(locked.body());
        assertThat(p.get("status").asInt()).isEqualTo(429);
        assertThat(p.get("type").asText()).isEqualTo("urn:tongpao:problem:too-many-login-failures");
        assertThat(p.get("requestId").asText()).isEqualTo(locked.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(p.get("detail").asText()).contains("900 s");

        // a forged X-Forwarded-For does not buy a fresh address: no proxy is trusted
        assertThat(get("victim", "pw", "198.51.100.23").statusCode()).isEqualTo(429);
        // another user from the same address is not affected
        assertThat(get("bystander", "pw", null).statusCode()).isEqualTo(200);
    }
}
