package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;

/**
 * Logins in the real distribution: failed-login throttling over HTTP (from two loopback source addresses, so
 * "another address" is a real one), the console commands that list and lift locks, their audit rows, the
 * PBKDF2 password store (old SHA-256 hashes upgraded at login, jaas:user-add writing the new form), and
 * the demo accounts of the depot keeper and the fleet's partner. One container for the whole class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {

    private static final int HTTP_PORT = TongpaoContainer.freePort();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HERE = "127.0.0.1";
    private static final String ELSEWHERE = "127.0.0.2";

    @Inject
    @Filter("(dataSourceName=tongpao)")
    DataSource dataSource;

    @Inject
    SessionFactory sessions;

    @Inject
    DepotService depots;

    @Inject
    CatalogueService catalogue;

    @Configuration
    public Option[] config() {
        // delays capped at 1 s so a lock (10 failures) is reached in seconds; the other limits are the defaults
        return TongpaoContainer.options("central", HTTP_PORT,
                editConfigurationFilePut("etc/org.tongpao.rest.cfg", "loginMaxDelaySeconds", "1"));
    }

    /**
     * Central's embedded broker authenticates every node against Karaf's realm and lets a province's account
     * (node-42) send only to its own up queue and consume only its own down queue; a wrong password is refused.
     */
    @Test
    public void theBrokerLetsAProvinceNodeUseOnlyItsOwnQueues() throws Exception {
        String url = "tcp://127.0.0.1:" + Integer.getInteger("tongpao.broker.port") + "?callTimeout=10000";
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url);
             ClientSessionFactory factory = locator.createSessionFactory()) {
            assertRefused("AMQ229031", () -> factory.createSession("node-42", "not-its-password", false, true, true,
                    false, 1).close());
            try (ClientSession hubei = factory.createSession("node-42", TongpaoContainer.NODE_BROKER_PASSWORD, false,
                    true, true, false, 1)) {
                hubei.start();
                send(hubei, "tongpao.up.42", "from Hubei");
                assertRefused("AMQ229032", () -> send(hubei, "tongpao.up.32", "pretending to be Jiangsu"));
                assertRefused("AMQ229032", () -> send(hubei, "tongpao.down.32", "to Jiangsu's inbox"));
                assertRefused("AMQ229213", () -> hubei.createConsumer("tongpao.up.42").close());
                assertRefused("AMQ229213", () -> hubei.createConsumer("tongpao.down.32").close());
                hubei.createConsumer("tongpao.down.42").close();
            }
            try (ClientSession central = factory.createSession("node-central", TongpaoContainer.CENTRAL_BROKER_PASSWORD,
                    false, true, true, false, 1)) {
                central.start();
                send(central, "tongpao.down.42", "to Hubei");
                central.createConsumer("tongpao.up.42").close(); // central's own link reads every up queue
            }
        }
    }

    private interface BrokerAction {
        void run() throws Exception;
    }

    private static void assertRefused(String code, BrokerAction action) throws Exception {
        try {
            action.run();
        } catch (ActiveMQSecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(code));
            return;
        }
        throw new AssertionError("the broker allowed what " + code + " refuses");
    }

    private static void send(ClientSession session, String address, String text) throws Exception {
        try (ClientProducer producer = session.createProducer(address)) {
            ClientMessage m = session.createMessage(true);
            m.getBodyBuffer().writeString(text);
            producer.send(m);
        }
    }

    private static int port() {
        return Integer.getInteger("tongpao.http.port");
    }

    private static Api api() {
        return Api.at(port());
    }

    @Before
    public void restServerHasMountedEveryCapability() {
        // resources are mounted shortly after their services appear: wait for the last bundles' endpoints
        Poll.status("/units", 401, () -> api().get("/units"));
        Poll.status("/inventory/balances", 401, () -> api().get("/inventory/balances"));
        Poll.status("/shipments", 401, () -> api().get("/shipments"));
    }

    // ---------------------------------------------------------------- throttling

    @Test
    public void failedLoginsAreThrottledToALockThatOnlyThatAccountAtThatAddressFeelsAndTheConsoleLifts()
            throws Exception {
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add victim Victim-pass-1; "
                + "jaas:role-add victim auditor; jaas:update");
        assertEquals(200, get(HERE, "/provinces", "victim", "Victim-pass-1", null).status); // now in the login cache

        // three free failures, then a delay answered 429 with Retry-After before the password is even checked
        for (int i = 0; i < 4; i++) {
            assertEquals(401, get(HERE, "/provinces", "victim", "guess-" + i, null).status);
        }
        Raw delayed = get(HERE, "/provinces", "victim", "guess-4", null);
        assertProblem(delayed, 429);
        assertEquals("1", delayed.header("retry-after"));
        assertTrue(delayed.body, delayed.json().get("detail").asText().contains("slowed down"));

        // keep guessing as fast as allowed: the 10th failure locks victim at this address for 15 minutes
        int failures = 4;
        long start = System.nanoTime();
        while (failures < 10 && System.nanoTime() - start < 60_000_000_000L) {
            Raw r = get(HERE, "/provinces", "victim", "guess-" + failures, null);
            if (r.status == 429) {
                Thread.sleep(Long.parseLong(r.header("retry-after")) * 1000 + 50);
            } else {
                assertEquals(r.body, 401, r.status);
                failures++;
            }
        }
        assertEquals(10, failures);
        Raw locked = get(HERE, "/provinces", "victim", "Victim-pass-1", null);
        assertProblem(locked, 429);
        long retryAfter = Long.parseLong(locked.header("retry-after"));
        assertTrue("Retry-After " + retryAfter, retryAfter > 14 * 60 && retryAfter <= 15 * 60);
        assertEquals("urn:tongpao:problem:too-many-login-failures", locked.json().get("type").asText());

        // X-Forwarded-For is not believed by default: a forged one buys no fresh address
        assertEquals(429, get(HERE, "/provinces", "victim", "Victim-pass-1", "198.51.100.7").status);
        // other users at the attacker's address, and victim at its own address, are not affected
        assertEquals(200, get(HERE, "/provinces", "officer", "demo", null).status);
        assertEquals(200, get(ELSEWHERE, "/provinces", "victim", "Victim-pass-1", null).status);

        // the console lists the lock and lifts it; both are in the audit trail
        String listed = Console.run(sessions, "tongpao:logins");
        assertTrue(listed, listed.contains("victim") && listed.contains(HERE));
        String lifted = Console.run(sessions, "tongpao:unlock victim");
        assertTrue(lifted, lifted.contains("Lifted"));
        assertFalse(Console.run(sessions, "tongpao:logins").contains("victim"));
        assertEquals(200, get(HERE, "/provinces", "victim", "Victim-pass-1", null).status);
        assertEquals(List.of("LOCKED", "UNLOCKED"), auditActions("victim@" + HERE));
    }

    @Test
    public void spraying50AccountsFromOneAddressLocksThatAddressOnly() throws Exception {
        // a third loopback address, so the other tests' address is left alone
        String sprayer = "127.0.0.3";
        int failures = 0;
        for (int i = 0; failures < 50 && i < 80; i++) {
            Raw r = get(sprayer, "/provinces", "nobody-" + i, "guess", null);
            if (r.status == 401) {
                failures++;
            }
        }
        assertEquals(50, failures);
        Raw locked = get(sprayer, "/provinces", "officer", "demo", null);
        assertProblem(locked, 429);
        assertTrue(locked.body, locked.json().get("detail").asText().contains("from this address"));
        assertEquals(200, get(HERE, "/provinces", "officer", "demo", null).status);
        assertTrue(Console.run(sessions, "tongpao:unlock " + sprayer).contains("Lifted"));
        assertEquals(200, get(sprayer, "/provinces", "officer", "demo", null).status);
        assertEquals(List.of("LOCKED", "UNLOCKED"), auditActions(sprayer));
    }

    // ---------------------------------------------------------------- password storage

    @Test
    public void anOldSha256HashIsUpgradedToPbkdf2AtTheNextLogin() throws Exception {
        Path users = usersFile();
        String legacy = "{CRYPT}" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("Legacy-pass-1".getBytes(StandardCharsets.UTF_8))) + "{CRYPT}";
        Files.writeString(users, Files.readString(users) + "\nlegacy = " + legacy + ",auditor\n");

        assertEquals(401, get(HERE, "/provinces", "legacy", "wrong-pass", null).status);
        assertEquals(legacy, storedPassword("legacy"));
        assertEquals(200, get(HERE, "/provinces", "legacy", "Legacy-pass-1", null).status);

        String upgraded = storedPassword("legacy");
        assertTrue(upgraded, upgraded.startsWith("{CRYPT}pbkdf2-sha256$600000$") && upgraded.endsWith("{CRYPT}"));
        assertTrue(Files.readString(users).contains("legacy = " + upgraded + ",auditor"));
        // and the new hash works: a JAAS login of its own, past the REST login cache
        assertTrue(jaasLogin("legacy", "Legacy-pass-1"));
        assertFalse(jaasLogin("legacy", "Legacy-pass-2"));
        assertEquals(upgraded, storedPassword("legacy"));
    }

    @Test
    public void theConsolesUserCommandsWritePbkdf2AndDemoAccountsAreStoredSalted() throws Exception {
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add newbie Newbie-pass-1; "
                + "jaas:role-add newbie auditor; jaas:update");
        String stored = storedPassword("newbie");
        assertTrue(stored, stored.startsWith("{CRYPT}pbkdf2-sha256$600000$"));
        assertEquals(200, get(HERE, "/provinces", "newbie", "Newbie-pass-1", null).status);
        assertEquals(401, get(HERE, "/provinces", "newbie", "newbie-pass-1", null).status);

        // every demo account is in the new form, each with a salt of its own
        List<String> hashes = new ArrayList<>();
        for (String demo : List.of("admin", "officer", "hubei", "jiangsu", "auditor", "keeper", "fleet")) {
            String h = storedPassword(demo);
            assertTrue(demo + ": " + h, h.startsWith("{CRYPT}pbkdf2-sha256$600000$"));
            hashes.add(h);
        }
        assertEquals(hashes.size(), hashes.stream().distinct().count());
    }

    // ---------------------------------------------------------------- demo accounts of every role

    @Test
    public void theDepotKeeperWorksInItsDepotAndNowhereElse() {
        Caller system = Caller.system("it");
        long own = depots.getByCode(system, "HB-WH-01").id();
        long other = depots.getByCode(system, "JS-PROV-01").id();
        long hubeiProv = depots.getByCode(system, "HB-PROV-01").id();
        long item = catalogue.getByCode(system, "GLOVES-EXAM").id();
        Api keeper = api().as("keeper");

        JsonNode seen = keeper.get("/depots").json().get("items");
        assertEquals(seen.toString(), 1, seen.size());
        assertEquals("HB-WH-01", seen.get(0).get("code").asText());
        assertEquals(200, keeper.get("/depots/" + own).status());
        assertEquals(404, keeper.get("/depots/" + other).status());

        Api.Reply received = keeper.post("/inventory/receipts", receipt(own, item, "K-1"));
        assertEquals(received.toString(), 201, received.status());
        Api.Reply balances = keeper.get("/inventory/balances?depotId=" + own);
        assertEquals(balances.toString(), 200, balances.status());
        Api.Reply elsewhere = keeper.post("/inventory/receipts", receipt(other, item, "K-2"));
        assertTrue(elsewhere.toString(), elsewhere.status() == 403 || elsewhere.status() == 404);
        assertEquals(403, keeper.post("/shipments", Map.of("fromDepotId", own, "toDepotId", hubeiProv,
                "carrierId", "fleet", "packages", 1, "weightKg", 1)).status());

        // shipments: those to or from its depot, no others
        long toOwn = api().as("hubei").post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", own,
                "carrierId", "fleet", "packages", 2, "weightKg", 20)).json().get("id").asLong();
        Api.Reply notOwn = api().as("admin").post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", other,
                "carrierId", "fleet", "packages", 2, "weightKg", 20));
        assertEquals(notOwn.toString(), 201, notOwn.status());
        assertEquals(200, keeper.get("/shipments/" + toOwn).status());
        assertEquals(404, keeper.get("/shipments/" + notOwn.json().get("id").asLong()).status());
    }

    @Test
    public void theFleetPartnerPushesTrackingForItsCarrierAndNothingElse() {
        Caller system = Caller.system("it");
        long hubeiProv = depots.getByCode(system, "HB-PROV-01").id();
        long wuhanStore = depots.getByCode(system, "HB-WH-01").id();
        Api.Reply booked = api().as("hubei").post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                "carrierId", "fleet", "packages", 3, "weightKg", 45));
        assertEquals(booked.toString(), 201, booked.status());
        long id = booked.json().get("id").asLong();
        String waybill = booked.json().get("waybill").asText();
        Api fleet = api().as("fleet");

        Map<String, Object> push = Map.of("events", List.of(Map.of("waybill", waybill, "status", "PICKED_UP",
                "at", Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString(), "location", "Wuhan")));
        Api.Reply pushed = fleet.post("/carriers/fleet/tracking", push);
        assertEquals(pushed.toString(), 200, pushed.status());
        assertEquals(1, pushed.json().get("accepted").asInt());
        assertEquals(200, fleet.get("/shipments/" + id).status());
        for (JsonNode s : fleet.get("/shipments").json().get("items")) {
            assertEquals("fleet", s.get("carrierId").asText());
        }

        assertEquals(403, fleet.post("/carriers/express/tracking", push).status());
        assertEquals(403, fleet.post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                "carrierId", "fleet", "packages", 1, "weightKg", 1)).status());
        assertEquals(403, fleet.post("/inventory/receipts", receipt(wuhanStore, 1, "F-1")).status());
        assertEquals(403, fleet.put("/carriers/fleet/contract", Map.of("acceptWithin", "PT1H", "pickupWithin",
                "PT12H", "deliverWithin", "PT48H")).status());
        assertNotEquals(200, fleet.get("/units").status());
        // and the hubei officer, who may see the shipment, may not speak for the carrier
        assertEquals(403, api().as("hubei").post("/carriers/fleet/tracking", push).status());
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> receipt(long depot, long item, String document) {
        return Map.of("depotId", depot, "itemId", item, "quantity", 10, "origin", "PURCHASE_ORDER",
                "sourceDocument", document, "expiryDate", java.time.LocalDate.now().plusYears(1).toString());
    }

    /** A login against the tongpao realm inside the container, as the REST layer does it. */
    private static boolean jaasLogin(String user, String password) {
        try {
            LoginContext lc = new LoginContext("tongpao", new Subject(), callbacks -> {
                for (Callback c : callbacks) {
                    if (c instanceof NameCallback) {
                        ((NameCallback) c).setName(user);
                    } else if (c instanceof PasswordCallback) {
                        ((PasswordCallback) c).setPassword(password.toCharArray());
                    }
                }
            });
            lc.login();
            lc.logout();
            return true;
        } catch (LoginException e) {
            return false;
        }
    }

    private static Path usersFile() {
        return Paths.get(System.getProperty("karaf.etc"), "tongpao-users.properties");
    }

    /** The user's password field as the users file holds it now. */
    private static String storedPassword(String user) throws IOException {
        for (String line : Files.readAllLines(usersFile(), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#") && line.substring(0, eq).trim().equals(user)) {
                return line.substring(eq + 1).trim().split(",")[0].trim();
            }
        }
        throw new AssertionError("no user " + user + " in " + usersFile());
    }

    private List<String> auditActions(String entityId) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT action FROM tp_audit WHERE entity = 'login' AND entity_id = ? ORDER BY id")) {
            ps.setString(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    private static void assertProblem(Raw r, int status) {
        assertEquals(r.body, status, r.status);
        assertTrue(r.header("content-type"), r.header("content-type").startsWith("application/problem+json"));
        assertNotNull(r.header("x-request-id"));
        assertEquals(r.header("x-request-id"), r.json().get("requestId").asText());
        assertEquals(status, r.json().get("status").asInt());
    }

    /**
     * One GET over a socket bound to {@code source} (any 127.x address reaches the loopback listener), so the
     * node sees a different client address; HTTP/1.0 keeps the exchange to one read until close.
     */
    private static Raw get(String source, String path, String user, String password, String forwardedFor)
            throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName(HERE), port()), 5_000);
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder("GET /api/v1" + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
            req.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            if (forwardedFor != null) {
                req.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(all);
            return Raw.parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    /** A raw HTTP answer: status, lower-cased headers, body. */
    private static final class Raw {
        final int status;
        final Map<String, String> headers;
        final String body;

        private Raw(int status, Map<String, String> headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Raw(status, headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
