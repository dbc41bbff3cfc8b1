package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.Timeout;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.example.express.simulator.CourierSimulator;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotService;
import org.tongpao.transport.TransportService;

/**
 * A partner's carrier, built outside Tongpao's reactor (examples/partner-express), dropped as a KAR into
 * Hubei's running provincial install (tongpao-province + tongpao-transport): no restart, no core bundle refreshed; it books against the simulated courier,
 * whose webhooks come back through the REST push; a tight contract shows an SLA breach; removing the KAR
 * leaves the shipments readable with the carrier shown unavailable. Run by {@code ./tongpao test} after
 * the example is built ({@code -Ppartner-kar}); the KAR's path arrives as {@code partner.kar}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnerKarIT {

    /** A hang fails after 10 minutes with the stuck thread's stack (see {@link CentralNode#hangGuard}). */
    @Rule
    public final Timeout hangGuard = Timeout.builder().withTimeout(10, TimeUnit.MINUTES).withLookingForStuckThread(true)
            .build();

    private static final int HTTP_PORT = TongpaoContainer.freePort();
    private static final String PARTNER_PASSWORD = "Express-ops-1";

    @Inject
    BundleContext bundleContext;

    @Inject
    TransportService transport;

    @Inject
    DepotService depots;

    @Inject
    ConfigurationAdmin configAdmin;

    @Inject
    SessionFactory sessions;

    @Configuration
    public Option[] config() {
        String kar = System.getProperty("partner.kar");
        if (kar == null || !Files.isRegularFile(Paths.get(kar))) {
            throw new IllegalStateException("partner.kar must name the example's KAR; build examples/partner-express first");
        }
        // Hubei's provincial install: the slim composite plus transport, as `feature:install tongpao-transport` leaves it
        String boot = "scr/4.4.10, log/4.4.10, ssh/4.4.10, framework/4.4.10, system/4.4.10, eventadmin/4.4.10, "
                + "feature/4.4.10, tongpao-province, tongpao-transport, shell/4.4.10, service/4.4.10, jaas/4.4.10, "
                + "deployer/4.4.10, diagnostic/4.4.10, kar/4.4.10, bundle/4.4.10, config/4.4.10";
        return TongpaoContainer.options("province:42", HTTP_PORT,
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", boot),
                systemProperty("partner.kar").value(kar),
                systemProperty("partner.version").value(System.getProperty("partner.version")),
                // the courier simulator runs inside the container, where the test code runs
                mavenBundle("org.example.express", "express-courier-simulator", System.getProperty("partner.version")));
    }

    private Api api() {
        return Api.at(Integer.getInteger("tongpao.http.port"));
    }

    @Before
    public void restServerIsUp() {
        Poll.status("/shipments", 401, () -> api().get("/shipments"));
        assertEquals("province:42", api().get("/health").json().get("node").asText());
        assertFalse("a provincial install, not the ministry's",
                api().get("/health").json().get("capabilities").toString().contains("tongpao-central"));
    }

    @Test
    public void theKarPlugsInWithoutRefreshingAnythingBooksTracksBreachesAndLeavesCleanly() throws Exception {
        CourierSimulator courier = new CourierSimulator("sim-key-42").start();
        try {
            run(courier);
        } finally {
            courier.stop();
        }
    }

    private void run(CourierSimulator courier) throws Exception {
        long hubeiProv = depots.getByCode(Caller.system("it"), "HB-PROV-01").id();
        long wuhanStore = depots.getByCode(Caller.system("it"), "HB-WH-01").id();
        Api admin = api().as("admin");
        Api hubei = api().as("hubei");
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add express-ops " + PARTNER_PASSWORD
                + "; jaas:role-add express-ops partner; jaas:role-add express-ops partner-express; jaas:update");
        courier.pushTo(URI.create("http://127.0.0.1:" + Integer.getInteger("tongpao.http.port")
                + "/api/v1/carriers/express/tracking"), "express-ops", PARTNER_PASSWORD);
        // the operator configures the carrier first (the feature's own config never overwrites it)
        Dictionary<String, Object> cfg = new Hashtable<>(Map.of("baseUrl", courier.baseUrl(), ".apiKey", courier.apiKey(),
                "timeoutMillis", 3000));
        configAdmin.getConfiguration("org.example.express", null).update(cfg);

        // what is there before: every bundle's id and last-modified; then watch for any refresh
        BundleWatch watch = BundleWatch.start(bundleContext);

        // drop the KAR into deploy/ of the running install
        Path deploy = Paths.get(System.getProperty("karaf.base"), "deploy");
        Files.createDirectories(deploy);
        Path kar = deploy.resolve(Paths.get(System.getProperty("partner.kar")).getFileName());
        long t0 = System.nanoTime();
        Files.copy(Paths.get(System.getProperty("partner.kar")), kar);
        Poll.until("carrier express is usable", Duration.ofSeconds(60), () -> transport.carriers(Caller.system("it"))
                .stream().filter(c -> c.id().equals("express") && c.available()).findFirst());
        long usableMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        watch.stop();
        System.out.printf("PARTNER-KAR: usable %d ms after the drop; bundles refreshed or stopped: %d %s; "
                + "bundles before %d, after %d%n", usableMs, watch.disturbed().size(), watch.disturbed(),
                watch.bundlesBefore(), bundleContext.getBundles().length);
        watch.assertUndisturbed();

        // book through it: the courier's API is called over HTTP; its webhooks come back through the REST push
        JsonNode booked = hubei.post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                "carrierId", "express", "packages", 4, "weightKg", 60)).json();
        assertEquals(booked.toString(), "BOOKED".equals(booked.get("status").asText()) ? "BOOKED" : "ACCEPTED",
                booked.get("status").asText());
        long id = booked.get("id").asLong();
        String waybill = booked.get("waybill").asText();
        assertEquals(Optional.of(waybill), courier.waybillOf(booked.get("number").asText()));
        waitForStatus(hubei, id, "ACCEPTED");
        courier.pickUp(waybill, "Wuhan hub");
        waitForStatus(hubei, id, "PICKED_UP");
        courier.atCheckpoint(waybill, "Wuhan ring road checkpoint");
        waitForStatus(hubei, id, "AT_CHECKPOINT");
        courier.deliver(waybill, "Li Wei");
        JsonNode delivered = waitForStatus(hubei, id, "DELIVERED");
        assertEquals("Li Wei", delivered.get("proofOfDelivery").get("receivedBy").asText());
        assertTrue(courier.webhookCalls().stream().anyMatch(w -> w.waybill().equals(waybill) && w.httpStatus() == 200));
        JsonNode own = api().as("express-ops", PARTNER_PASSWORD).get("/shipments").json().get("items");
        assertEquals(own.toString(), 1, own.size());

        // a tight contract and a courier that stops accepting: the SLA clock flags the breach
        assertEquals(200, admin.put("/carriers/express/contract", Map.of("acceptWithin", "PT2S", "pickupWithin", "PT1H",
                "deliverWithin", "PT4H")).status());
        courier.acceptOrders(false);
        JsonNode late = hubei.post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                "carrierId", "express", "packages", 1, "weightKg", 5)).json();
        assertEquals(late.toString(), "BOOKED", late.get("status").asText());
        long lateId = late.get("id").asLong();
        Poll.until("the accept promise is breached", Duration.ofSeconds(15), () -> {
            JsonNode now = hubei.get("/shipments/" + lateId).json();
            return "BREACHED".equals(now.get("sla").get("state").asText()) ? Optional.of(now) : Optional.empty();
        });
        assertTrue(Console.run(sessions, "tongpao:shipments --sla BREACHED").contains(late.get("number").asText()));

        // remove the KAR: the carrier is gone, its shipments stay readable
        Files.delete(kar);
        Poll.until("carrier express is unavailable", Duration.ofSeconds(60), () -> transport.carriers(Caller.system("it"))
                .stream().filter(c -> c.id().equals("express") && !c.available()).findFirst());
        JsonNode after = hubei.get("/shipments/" + id).json();
        assertEquals("DELIVERED", after.get("status").asText());
        assertFalse(after.get("carrierAvailable").asBoolean());
        assertFalse(admin.get("/carriers/express").json().get("available").asBoolean());
        assertEquals(409, hubei.post("/shipments", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                "carrierId", "express", "packages", 1, "weightKg", 5)).status());

        // the other way in: the features repository and feature:install, again without disturbing anything
        watch.listen();
        String version = System.getProperty("partner.version");
        Console.run(sessions, "feature:repo-add mvn:org.example.express/express-kar/" + version + "/xml/features; "
                + "feature:install partner-express");
        Poll.until("carrier express is back", Duration.ofSeconds(60), () -> transport.carriers(Caller.system("it"))
                .stream().filter(c -> c.id().equals("express") && c.available()).findFirst());
        watch.stop();
        assertTrue("feature:install disturbed no existing bundle: " + watch.disturbed(), watch.disturbed().isEmpty());
        assertTrue(hubei.get("/shipments/" + id).json().get("carrierAvailable").asBoolean());
        Console.run(sessions, "feature:uninstall partner-express");
        Poll.until("carrier express is gone again", Duration.ofSeconds(60), () -> transport.carriers(Caller.system("it"))
                .stream().filter(c -> c.id().equals("express") && !c.available()).findFirst());
    }

    private JsonNode waitForStatus(Api as, long id, String status) {
        return Poll.until("shipment " + id + " is " + status, Duration.ofSeconds(15), () -> {
            JsonNode s = as.get("/shipments/" + id).json();
            return status.equals(s.get("status").asText()) ? Optional.of(s) : Optional.empty();
        });
    }
}
