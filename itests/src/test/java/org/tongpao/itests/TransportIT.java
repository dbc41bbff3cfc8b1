package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tongpao.core.Caller;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.inventory.InventoryService;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.TransportService;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.Carrier;
import org.tongpao.transport.api.CarrierException;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TrackingSink;
import org.tongpao.transport.api.TrackingStatus;
import org.tongpao.transport.api.TransportMode;

/**
 * Transport in the central install (tongpao-transport and tongpao-fleet): the police fleet carries an
 * allocation batch into the key area Hubei with an entry pass and the goods land in stock; carriers
 * registered at run time are picked up, isolated when they hang or talk nonsense, watched against their
 * SLA, and their partner accounts see and push only their own shipments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TransportIT extends CentralNode {

    @Inject
    TransportService transport;

    @Inject
    InventoryService inventory;

    @Inject
    SessionFactory sessions;

    @Inject
    BundleContext bundleContext;

    @Before
    public void restServerHasMountedTheCapabilities() {
        Poll.status("/shipments", 401, () -> api().get("/shipments"));
        Poll.status("/carriers", 401, () -> api().get("/carriers"));
    }

    @Test
    public void theFleetCarriesABatchIntoTheKeyAreaWithAPassAndTheGoodsLandInStock() throws Exception {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long wuhanStore = depot("HB-WH-01");
        long gloves = catalogue.getByCode(system, "GLOVES-EXAM").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        Api jiangsu = api().as("jiangsu");

        // an approved batch of 600 pairs of gloves from the central reserve to Wuhan, in key area Hubei
        assertEquals(201, admin.post("/inventory/receipts", Map.of("depotId", central, "itemId", gloves, "quantity", 1_000,
                "origin", "PURCHASE_ORDER", "sourceDocument", "PO-T-1", "expiryDate",
                LocalDate.now().plusYears(2).toString())).status());
        assertEquals(201, admin.post("/needs/key-areas", Map.of("provinceCode", "42", "label", "Hubei")).status());
        assertEquals(201, hubei.post("/needs", Map.of("orgUnitId", station, "itemId", gloves, "quantity", 600,
                "urgency", "IMMEDIATE", "justification", "checkpoint duty", "receivingDepotId", wuhanStore)).status());
        Api.Reply plan = officer.post("/allocation/plans", Map.of("itemId", gloves, "sourceDepotIds", List.of(central)));
        assertEquals(plan.toString(), 201, plan.status());
        Api.Reply approved = admin.post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        long batchId = approved.json().get("id").asLong();

        // the fleet is installed and offers its standard promise until the ministry sets a contract
        JsonNode fleet = officer.get("/carriers/fleet").json();
        assertTrue(fleet.toString(), fleet.get("available").asBoolean());
        assertEquals("CARRIER", fleet.get("promiseSource").asText());
        assertEquals(403, officer.put("/carriers/fleet/contract", Map.of("acceptWithin", "PT1H",
                "pickupWithin", "PT12H", "deliverWithin", "PT48H")).status());
        Api.Reply badContract = admin.put("/carriers/fleet/contract", Map.of("acceptWithin", "-PT1H",
                "pickupWithin", "PT12H", "deliverWithin", "PT48H"));
        assertEquals(badContract.toString(), 400, badContract.status());
        assertEquals("acceptWithin", badContract.json().get("field").asText());
        Api.Reply contract = admin.put("/carriers/fleet/contract", Map.of("acceptWithin", "PT1H", "pickupWithin", "PT12H",
                "deliverWithin", "PT48H", "deliverWithinByProvince", Map.of("42", "PT24H")));
        assertEquals(contract.toString(), 200, contract.status());
        assertEquals("CONTRACT", contract.json().get("promiseSource").asText());

        // bad bookings are refused with the field named, and leave nothing behind
        long before = count("tp_tr_shipment");
        assertField(officer.post("/shipments", Map.of("batchId", batchId, "packages", 12, "weightKg", 240.5)), "carrierId");
        assertField(officer.post("/shipments", Map.of("batchId", batchId, "carrierId", "fleet", "packages", 12,
                "weightKg", 0)), "weightKg");
        assertField(officer.post("/shipments", Map.of("batchId", batchId, "carrierId", "nosuch", "packages", 12,
                "weightKg", 10)), "carrierId");
        assertField(officer.post("/shipments", Map.of("batchId", batchId, "carrierId", "fleet", "packages", 12,
                "weightKg", 9_000)), "weightKg");
        assertField(officer.post("/shipments", Map.of("carrierId", "fleet", "packages", 1, "weightKg", 1)), "fromDepotId");
        assertEquals(403, api().as("auditor").post("/shipments", Map.of("batchId", batchId, "carrierId", "fleet",
                "packages", 12, "weightKg", 10)).status());
        assertEquals(before, count("tp_tr_shipment"));

        // booked once, even when the request is retried
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("batchId", batchId, "carrierId", "fleet", "packages", 12, "weightKg", 240.5);
        Api.Reply booked = officer.header("Idempotency-Key", key).post("/shipments", order);
        assertEquals(booked.toString(), 201, booked.status());
        JsonNode s = booked.json();
        long id = s.get("id").asLong();
        assertEquals("BOOKED", s.get("status").asText());
        assertEquals("FLEET-" + s.get("number").asText(), s.get("waybill").asText());
        assertTrue(s.get("keyArea").asBoolean());
        assertEquals(wuhanStore, s.get("toDepotId").asLong());
        assertEquals(id, officer.header("Idempotency-Key", key).post("/shipments", order).json().get("id").asLong());
        assertEquals(before + 1, count("tp_tr_shipment"));
        // the contract's promise for Hubei: delivery within 24 h of booking
        Instant bookedAt = Instant.parse(s.get("bookedAt").asText());
        JsonNode delivery = milestone(s, "DELIVERY");
        assertEquals(bookedAt.plus(Duration.ofHours(24)), Instant.parse(delivery.get("due").asText()));
        assertEquals("PENDING", s.get("sla").get("state").asText());

        // scope: Hubei (receiving) sees it, Jiangsu does not
        assertEquals(200, hubei.get("/shipments/" + id).status());
        assertEquals(404, jiangsu.get("/shipments/" + id).status());
        assertTrue(jiangsu.get("/shipments").json().get("items").isEmpty());

        // no pass, then only the old free-text pass: no dispatch (409 naming passes), and no stock moved
        long movements = count("tp_inv_movement");
        Api.Reply noPass = officer.post("/shipments/" + id + "/dispatch", null);
        assertEquals(noPass.toString(), 409, noPass.status());
        assertEquals(noPass.toString(), "passes", noPass.json().path("field").asText());
        assertTrue(noPass.json().get("detail").asText().contains("entry pass"));
        Map<String, Object> expired = pass(Instant.now().minus(3, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
        assertEquals(200, officer.put("/shipments/" + id + "/pass", expired).status());
        assertEquals(409, officer.post("/shipments/" + id + "/dispatch", null).status());
        assertEquals(movements, count("tp_inv_movement"));
        Map<String, Object> bad = new java.util.HashMap<>(pass(Instant.now(), Instant.now().plus(2, ChronoUnit.DAYS)));
        bad.remove("vehiclePlate");
        assertField(officer.put("/shipments/" + id + "/pass", bad), "vehiclePlate");
        assertEquals(200, officer.put("/shipments/" + id + "/pass",
                pass(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(2, ChronoUnit.DAYS))).status());
        Api.Reply printed = hubei.get("/shipments/" + id + "/pass");
        assertEquals(200, printed.status());
        assertTrue(printed.body(), printed.body().contains("WH-2020-0042") && printed.body().contains("鄂A·J1234"));
        // a free-text pass valid now is not enough either: the pass a checkpoint can verify is
        assertEquals(409, officer.post("/shipments/" + id + "/dispatch", null).status());
        assertEquals(movements, count("tp_inv_movement"));
        EntryPasses.grant(officer, id);

        // dispatch (retried): the batch's reservations become goods in transit once
        String dispatchKey = UUID.randomUUID().toString();
        Api.Reply dispatched = officer.header("Idempotency-Key", dispatchKey).post("/shipments/" + id + "/dispatch", null);
        assertEquals(dispatched.toString(), 200, dispatched.status());
        assertNotNull(dispatched.json().get("dispatchedAt").asText());
        assertEquals("DISPATCHED", dispatched.json().get("status").asText());
        assertEquals(200, officer.header("Idempotency-Key", dispatchKey).post("/shipments/" + id + "/dispatch", null).status());
        assertEquals("DISPATCHED", admin.get("/allocation/batches/" + batchId).json().get("status").asText());
        assertEquals(600, sum("SELECT SUM(quantity) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT' AND to_depot_id = "
                + wuhanStore));

        // the fleet is dispatched by hand: progress entered by staff; repeats are recognised; bad events refused
        Instant t = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> events = Map.of("events", List.of(
                Map.of("status", "ACCEPTED", "at", t.toString()),
                Map.of("status", "PICKED_UP", "at", t.plusSeconds(300).toString(), "location", "Central reserve"),
                Map.of("status", "AT_CHECKPOINT", "at", t.plusSeconds(900).toString(), "location", "Wuhan ring road checkpoint")));
        JsonNode tracked = hubei.post("/shipments/" + id + "/events", events).json();
        assertEquals(tracked.toString(), 3, tracked.get("accepted").asInt());
        assertEquals(3, hubei.post("/shipments/" + id + "/events", events).json().get("duplicates").asInt());
        assertField(hubei.post("/shipments/" + id + "/events", Map.of("events", List.of(Map.of("status", "IN_TRANSIT",
                "at", Instant.now().plus(1, ChronoUnit.DAYS).toString())))), "events[0].at");
        assertField(hubei.post("/shipments/" + id + "/events", Map.of("events", List.of(Map.of("status", "DELIVERED",
                "at", Instant.now().toString())))), "events[0].proof");
        assertEquals("AT_CHECKPOINT", hubei.get("/shipments/" + id).json().get("status").asText());
        assertEquals(403, api().as("auditor").post("/shipments/" + id + "/events", events).status());

        // Hubei receives: delivery is implied, the goods go into stock, the need is fulfilled
        assertEquals(404, jiangsu.post("/shipments/" + id + "/receive", null).status());
        assertEquals(403, api().as("auditor").post("/shipments/" + id + "/receive", null).status());
        long onHandBefore = inventory.available(system, wuhanStore, gloves);
        Api.Reply received = hubei.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/shipments/" + id + "/receive", null);
        assertEquals(received.toString(), 200, received.status());
        JsonNode r = received.json();
        assertEquals("RECEIVED", r.get("status").asText());
        assertEquals("hubei", r.get("proofOfDelivery").get("receivedBy").asText());
        assertEquals("MET", r.get("sla").get("state").asText());
        assertEquals(onHandBefore + 600, inventory.available(system, wuhanStore, gloves));
        assertEquals("RECEIVED", admin.get("/allocation/batches/" + batchId).json().get("status").asText());
        JsonNode timeline = hubei.get("/shipments/" + id + "/events").json().get("items");
        assertEquals(4, timeline.size());
        assertEquals("RECEIVER", timeline.get(3).get("source").asText());
        JsonNode perf = admin.get("/carriers/fleet").json().get("performance");
        assertEquals(1, perf.get("delivered").asLong());
        assertEquals(1.0, perf.get("onTimeRate").asDouble(), 0.0);
        assertTrue(sum("SELECT COUNT(*) FROM tp_audit WHERE entity = 'shipment' AND entity_id = '" + id + "'") >= 6);
        assertTrue(Console.run(sessions, "tongpao:shipments").contains(s.get("number").asText()));
    }

    /**
     * One batch, two destinations, two shipments: Wuhan (a key area, no pass yet) and a rural Hubei county.
     * Dispatching the county's shipment sends only its line; the Wuhan goods stay reserved until their own
     * shipment leaves with its pass. A line received through the batch receives its shipment; a shipment's
     * receipt with per-line quantities receives its batch line. Shipments show DISPATCHED; planned needs
     * their depot. Runs first (name order): the story below declares all of Hubei a key area.
     */
    @Test
    public void aBatchShipsAsTwoShipmentsEachLeavingAndArrivingOnItsOwnAndOneReceiptUpdatesBoth() throws Exception {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long wuhanStore = depot("HB-WH-01");
        long kn95 = catalogue.getByCode(system, "MASK-KN95").id();
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        long wuhan = units.getByCode(system, "P42-WUHAN").id();
        long enshi = units.create(system, new NewOrgUnit("P42-ENSHI", "Enshi Prefecture Public Security Bureau", null,
                OrgLevel.PREFECTURE, units.getByCode(system, "P42").id(), null, false), null).id();
        long county = units.create(system, new NewOrgUnit("P42-ENSHI-XIANFENG", "Xianfeng County Public Security Bureau",
                null, OrgLevel.COUNTY, enshi, null, false), null).id();
        long countyStore = depots.create(system, new NewDepot("HB-XF-01", "Xianfeng county store", county, null), null).id();
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        ServiceRegistration<Carrier> carrierReg = register("twoway", new TestCarrier("twoway"));
        try {
            assertEquals(201, admin.post("/inventory/receipts", Map.of("depotId", central, "itemId", kn95, "quantity",
                    1_000, "origin", "PURCHASE_ORDER", "sourceDocument", "PO-T-2", "expiryDate",
                    LocalDate.now().plusYears(2).toString())).status());
            // Wuhan is a key area, declared once: a second declaration is a conflict
            assertEquals(201, admin.post("/needs/key-areas", Map.of("orgUnitId", wuhan, "label", "Wuhan")).status());
            Api.Reply twice = admin.post("/needs/key-areas", Map.of("orgUnitId", wuhan, "label", "Wuhan again"));
            assertEquals(twice.toString(), 409, twice.status());
            assertTrue(twice.contentType(), twice.contentType().startsWith("application/problem+json"));
            Api.Reply wuhanNeed = hubei.post("/needs", Map.of("orgUnitId", station, "itemId", kn95, "quantity", 300,
                    "urgency", "IMMEDIATE", "justification", "checkpoint duty"));
            assertEquals(wuhanNeed.toString(), 201, wuhanNeed.status());
            long wuhanNeedId = wuhanNeed.json().get("id").asLong();
            assertTrue(wuhanNeed.json().get("receivingDepotId").isNull());
            assertEquals(201, hubei.post("/needs", Map.of("orgUnitId", county, "itemId", kn95, "quantity", 200,
                    "urgency", "H72", "justification", "village stations")).status());
            Api.Reply plan = officer.post("/allocation/plans", Map.of("itemId", kn95, "sourceDepotIds", List.of(central)));
            assertEquals(plan.toString(), 201, plan.status());
            Api.Reply approved = admin.post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
            assertEquals(approved.toString(), 201, approved.status());
            long batchId = approved.json().get("id").asLong();
            assertEquals(2, approved.json().get("lines").size());
            // the planned need shows the depot its goods go to
            assertEquals(wuhanStore, hubei.get("/needs/" + wuhanNeedId).json().get("receivingDepotId").asLong());

            JsonNode wuhanShipment = officer.post("/shipments", Map.of("batchId", batchId, "fromDepotId", central,
                    "toDepotId", wuhanStore, "carrierId", "twoway", "packages", 3, "weightKg", 30)).json();
            JsonNode countyShipment = officer.post("/shipments", Map.of("batchId", batchId, "fromDepotId", central,
                    "toDepotId", countyStore, "carrierId", "twoway", "packages", 2, "weightKg", 20)).json();
            long w = wuhanShipment.get("id").asLong();
            long c = countyShipment.get("id").asLong();
            assertTrue(wuhanShipment.toString(), wuhanShipment.get("keyArea").asBoolean());
            assertFalse(countyShipment.toString(), countyShipment.get("keyArea").asBoolean());

            // the county's shipment leaves: only its line; the Wuhan goods wait for their pass
            Api.Reply sent = officer.post("/shipments/" + c + "/dispatch", null);
            assertEquals(sent.toString(), 200, sent.status());
            assertEquals("DISPATCHED", sent.json().get("status").asText());
            JsonNode batch = admin.get("/allocation/batches/" + batchId).json();
            assertEquals("PARTLY_DISPATCHED", batch.get("status").asText());
            assertEquals("RESERVED", line(batch, wuhanStore).get("status").asText());
            assertEquals("DISPATCHED", line(batch, countyStore).get("status").asText());
            assertEquals(0, sum("SELECT COUNT(*) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT' "
                    + "AND to_depot_id = " + wuhanStore + " AND item_id = " + kn95));
            Api.Reply noPass = officer.post("/shipments/" + w + "/dispatch", null);
            assertEquals(noPass.toString(), 409, noPass.status());
            assertEquals("RESERVED", line(admin.get("/allocation/batches/" + batchId).json(), wuhanStore)
                    .get("status").asText());

            // the county confirms its line through the batch: its shipment is received with it
            long countyLine = line(batch, countyStore).get("id").asLong();
            Api.Reply lineReceipt = hubei.post("/allocation/batches/" + batchId + "/lines/" + countyLine + "/receipt",
                    Map.of("receivedQuantity", 200, "damagedQuantity", 5));
            assertEquals(lineReceipt.toString(), 200, lineReceipt.status());
            JsonNode c2 = hubei.get("/shipments/" + c).json();
            assertEquals(c2.toString(), "RECEIVED", c2.get("status").asText());
            assertEquals("hubei", c2.get("receivedBy").asText());
            assertEquals("MET", c2.get("sla").get("state").asText());

            // the Wuhan shipment leaves with its pass, then Hubei receives it with per-line quantities
            EntryPasses.grant(officer, w);
            Api.Reply wSent = officer.post("/shipments/" + w + "/dispatch", null);
            assertEquals(wSent.toString(), 200, wSent.status());
            assertEquals("DISPATCHED", wSent.json().get("status").asText());
            assertEquals("PARTLY_RECEIVED", admin.get("/allocation/batches/" + batchId).json().get("status").asText());
            long wuhanLine = line(batch, wuhanStore).get("id").asLong();
            long onHand = inventory.available(system, wuhanStore, kn95);
            Api.Reply got = hubei.post("/shipments/" + w + "/receive", Map.of("lines", List.of(Map.of("lineId", wuhanLine,
                    "receivedQuantity", 300, "damagedQuantity", 10, "note", "wet cartons"))));
            assertEquals(got.toString(), 200, got.status());
            assertEquals("RECEIVED", got.json().get("status").asText());
            JsonNode done = admin.get("/allocation/batches/" + batchId).json();
            assertEquals("RECEIVED", done.get("status").asText());
            assertEquals(10, line(done, wuhanStore).get("damagedQuantity").asLong());
            assertEquals(onHand + 290, inventory.available(system, wuhanStore, kn95));
            JsonNode need = hubei.get("/needs/" + wuhanNeedId).json();
            assertEquals(wuhanStore, need.get("receivingDepotId").asLong());
            assertEquals(290, need.get("received").asLong());
            assertEquals(0, admin.get("/shipments?sla=BREACHED&carrier=twoway").json().get("items").size());
        } finally {
            carrierReg.unregister();
        }
    }

    private static JsonNode line(JsonNode batch, long toDepotId) {
        for (JsonNode l : batch.get("lines")) {
            if (l.get("toDepotId").asLong() == toDepotId) {
                return l;
            }
        }
        throw new AssertionError("no line to depot " + toDepotId + " in " + batch);
    }

    @Test
    public void partnerCarriersComeAndGoAreIsolatedWatchedAndSeeOnlyTheirOwn() throws Exception {
        long hubeiProv = depot("HB-PROV-01");
        long wuhanStore = depot("HB-WH-01");
        Api admin = api().as("admin");
        Api hubei = api().as("hubei");
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add acme-ops Acme-pass-1; "
                + "jaas:role-add acme-ops partner; jaas:role-add acme-ops partner-acme; "
                + "jaas:user-add other-ops Other-pass-1; jaas:role-add other-ops partner; "
                + "jaas:role-add other-ops partner-other; jaas:update");
        Api acmeOps = api().as("acme-ops", "Acme-pass-1");
        Api otherOps = api().as("other-ops", "Other-pass-1");
        BlockingQueue<Event> alerts = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, "org/tongpao/transport/sla/*"));
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, alerts::add, topics);

        // a partner's carrier appears at run time
        TestCarrier acme = new TestCarrier("acme");
        ServiceRegistration<Carrier> acmeReg = register("acme", acme);
        CountDownLatch release = new CountDownLatch(1);
        TestCarrier hanging = new TestCarrier("slow") {
            @Override
            public Booking book(ShipmentOrder order) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Booking("never", null, null);
            }
        };
        ServiceRegistration<Carrier> slowReg = register("slow", hanging);
        ServiceRegistration<Carrier> nonsenseReg = register("nonsense", new TestCarrier("nonsense") {
            @Override
            public Booking book(ShipmentOrder order) {
                return new Booking("two words", null, null);
            }
        });
        try {
            JsonNode carriers = admin.get("/carriers").json().get("items");
            assertTrue(carriers.toString(), carriers.toString().contains("\"id\":\"acme\""));

            // comparing carriers: every available one is asked at once, cheapest first
            long q0 = System.nanoTime();
            Api.Reply quotes = hubei.post("/carriers/quotes", Map.of("fromDepotId", hubeiProv, "toDepotId", wuhanStore,
                    "packages", 3, "weightKg", 45));
            long quoteMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - q0);
            assertEquals(quotes.toString(), 200, quotes.status());
            JsonNode offers = quotes.json().get("items");
            assertEquals(offers.toString(), "fleet", offers.get(0).get("carrierId").asText()); // free: cheapest first
            assertEquals(0, offers.get(0).get("quote").get("price").asDouble(), 0.0);
            assertTrue(offers.toString(), offers.toString().contains("\"carrierId\":\"acme\",\"carrierName\":\"acme express\",\"quote\":{\"price\":88"));
            assertTrue("quotes in parallel: " + quoteMs + " ms", quoteMs < 9_000);
            assertField(hubei.post("/carriers/quotes", Map.of("fromDepotId", hubeiProv, "packages", 3, "weightKg", 45)),
                    "toDepotId");

            // a hanging carrier costs its own call (failed within the time limit), and nothing else
            long t0 = System.nanoTime();
            JsonNode slow = hubei.post("/shipments", plain(hubeiProv, wuhanStore, "slow")).json();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(slow.toString(), "BOOKING_FAILED", slow.get("status").asText());
            assertTrue(slow.get("failure").asText(), slow.get("failure").asText().contains("did not answer"));
            assertTrue("failed within the time limit: " + ms + " ms", ms < 9_000);
            JsonNode nonsense = hubei.post("/shipments", plain(hubeiProv, wuhanStore, "nonsense")).json();
            assertEquals("BOOKING_FAILED", nonsense.get("status").asText());
            assertTrue(nonsense.get("failure").asText(), nonsense.get("failure").asText().contains("waybill may contain"));
            // ... and the failed booking is retried with another carrier
            JsonNode rebooked = hubei.post("/shipments/" + slow.get("id").asLong() + "/book", Map.of("carrierId", "acme")).json();
            assertEquals(rebooked.toString(), "BOOKED", rebooked.get("status").asText());
            assertEquals("acme", rebooked.get("carrierId").asText());

            // a courier's webhook may overtake its answer to book(): the event waits for the booking, then counts
            ServiceReference<TrackingSink> eagerSinkRef = bundleContext.getServiceReference(TrackingSink.class);
            TrackingSink eagerSink = bundleContext.getService(eagerSinkRef);
            ServiceRegistration<Carrier> eagerReg = register("eager", new TestCarrier("eager") {
                @Override
                public Booking book(ShipmentOrder order) throws CarrierException {
                    Booking b = super.book(order);
                    int parked = eagerSink.publish("eager", List.of(TrackingEvent.of(b.waybill(), TrackingStatus.ACCEPTED,
                            Instant.now().truncatedTo(ChronoUnit.SECONDS), "Eager hub")));
                    assertEquals("the early event is parked, not lost and not refused", 0, parked);
                    return b;
                }
            });
            try {
                JsonNode eager = hubei.post("/shipments", plain(hubeiProv, wuhanStore, "eager")).json();
                assertEquals(eager.toString(), "ACCEPTED", eager.get("status").asText());
                assertEquals(0, sum("SELECT COUNT(*) FROM tp_tr_parked_event"));
            } finally {
                eagerReg.unregister();
                bundleContext.ungetService(eagerSinkRef);
            }

            // a tight contract: the acme shipment breaches its accept promise within seconds
            assertEquals(200, admin.put("/carriers/acme/contract", Map.of("acceptWithin", "PT2S", "pickupWithin", "PT1H",
                    "deliverWithin", "PT2H")).status());
            JsonNode booked = hubei.post("/shipments", plain(hubeiProv, wuhanStore, "acme")).json();
            long id = booked.get("id").asLong();
            String waybill = booked.get("waybill").asText();
            assertEquals("ACME-" + booked.get("number").asText(), waybill);
            Poll.until("the accept promise is breached", Duration.ofSeconds(10), () -> {
                JsonNode now = hubei.get("/shipments/" + id).json();
                return "BREACHED".equals(now.get("sla").get("state").asText()) ? java.util.Optional.of(now) : java.util.Optional.empty();
            });
            JsonNode breached = admin.get("/shipments?sla=BREACHED&carrier=acme").json().get("items");
            assertTrue(breached.toString(), breached.toString().contains("\"id\":" + id + ","));
            assertTrue(Console.run(sessions, "tongpao:sla-scan").contains("new alerts"));
            Event alert = alerts.poll(10, TimeUnit.SECONDS);
            assertNotNull("an SLA event was posted", alert);
            assertEquals(TransportTopics.SLA_BREACHED, alert.getTopic());
            assertEquals(1L, admin.get("/carriers/acme").json().get("performance").get("openBreaches").asLong());

            // partner accounts: their own carrier's shipments only, and push tracking for them only
            JsonNode seen = acmeOps.get("/shipments").json().get("items");
            assertEquals(seen.toString(), 2, seen.size());
            for (JsonNode one : seen) {
                assertEquals("acme", one.get("carrierId").asText());
            }
            assertEquals(404, otherOps.get("/shipments/" + id).status());
            assertTrue(otherOps.get("/shipments").json().get("items").isEmpty());
            assertEquals(403, acmeOps.post("/shipments", plain(hubeiProv, wuhanStore, "acme")).status());
            Map<String, Object> push = Map.of("events", List.of(Map.of("waybill", waybill, "status", "PICKED_UP",
                    "at", Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString(), "location", "Acme hub")));
            assertEquals(403, otherOps.post("/carriers/acme/tracking", push).status());
            assertEquals(403, hubei.post("/carriers/acme/tracking", push).status());
            Api.Reply pushed = acmeOps.post("/carriers/acme/tracking", push);
            assertEquals(pushed.toString(), 200, pushed.status());
            assertEquals(1, pushed.json().get("accepted").asInt());
            assertEquals(1, acmeOps.post("/carriers/acme/tracking", push).json().get("duplicates").asInt());
            // a waybill no booking has returned: kept for later matching (202), listed as unmatched, never dropped
            Api.Reply early = acmeOps.post("/carriers/acme/tracking", Map.of("events", List.of(Map.of("waybill",
                    "ACME-NOPE", "status", "IN_TRANSIT", "at", Instant.now().toString()))));
            assertEquals(early.toString(), 202, early.status());
            assertEquals(1, early.json().get("parked").asInt());
            assertTrue(acmeOps.get("/carriers/acme/tracking/unmatched").json().toString().contains("ACME-NOPE"));
            assertField(acmeOps.post("/carriers/acme/tracking", Map.of("events", List.of(Map.of("waybill", "has space",
                    "status", "IN_TRANSIT", "at", Instant.now().toString())))), "events[0].waybill");
            assertEquals("PICKED_UP", hubei.get("/shipments/" + id).json().get("status").asText());
            assertEquals(1, acmeOps.get("/carriers").json().get("items").size());

            // a carrier bundle pushes through its own TrackingSink, and only for carriers it registered
            ServiceReference<TrackingSink> sinkRef = bundleContext.getServiceReference(TrackingSink.class);
            TrackingSink sink = bundleContext.getService(sinkRef);
            Instant inTransit = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
            assertEquals(1, sink.publish("acme", List.of(TrackingEvent.of(waybill, TrackingStatus.IN_TRANSIT, inTransit, "G4"))));
            assertThrows(IllegalArgumentException.class, () -> sink.publish("fleet",
                    List.of(TrackingEvent.of(waybill, TrackingStatus.IN_TRANSIT, inTransit, "G4"))));
            bundleContext.ungetService(sinkRef);
            assertEquals(ShipmentStatus.IN_TRANSIT, transport.shipment(Caller.system("it"), id).status());

            // the carrier goes away: its shipments stay readable, it shows unavailable, nothing can be booked with it
            acmeReg.unregister();
            acmeReg = null;
            JsonNode gone = hubei.get("/shipments/" + id).json();
            assertFalse(gone.get("carrierAvailable").asBoolean());
            assertEquals("IN_TRANSIT", gone.get("status").asText());
            JsonNode acmeInfo = admin.get("/carriers/acme").json();
            assertFalse(acmeInfo.get("available").asBoolean());
            assertEquals(409, hubei.post("/shipments", plain(hubeiProv, wuhanStore, "acme")).status());
            assertEquals(409, hubei.post("/shipments/" + id + "/cancel", null).status());
        } finally {
            release.countDown();
            handler.unregister();
            slowReg.unregister();
            nonsenseReg.unregister();
            if (acmeReg != null) {
                acmeReg.unregister();
            }
        }
    }

    /**
     * A partner's courier cancels after hand-over: the shipment is RETURNING, the carrier keeps the SLA blame, the
     * destination can no longer receive it, and the sending depot takes the goods back: the transfer comes back
     * into its stock (TRANSFER_IN tied to it), the batch line is RETURNED with the reason.
     */
    @Test
    public void aPartnerCancelsAfterHandOverAndTheGoodsReturnToTheSendingDepot() throws Exception {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long wuhanStore = depot("HB-WH-01");
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        partnerAccount("homeward");
        Api partner = api().as("homeward-ops", "Homeward-pass-1");
        ServiceRegistration<Carrier> reg = register("homeward", new TestCarrier("homeward"));
        try {
            long tents = catalogue.getByCode(system, "FIELD-TENT").id();
            long batchId = approvedBatch(tents, 100, 40);
            long free = inventory.available(system, central, tents); // the 40 are reserved by the batch
            JsonNode s = officer.post("/shipments", Map.of("batchId", batchId, "carrierId", "homeward", "packages", 4,
                    "weightKg", 120)).json();
            long id = handOver(officer, s);
            assertEquals(40, sum("SELECT SUM(quantity) FROM tp_inv_transfer WHERE transfer_status = 'IN_TRANSIT' AND "
                    + "item_id = " + tents));
            String waybill = s.get("waybill").asText();
            Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
            Api.Reply pushed = partner.post("/carriers/homeward/tracking", Map.of("events", List.of(
                    Map.of("waybill", waybill, "status", "PICKED_UP", "at", t.toString()),
                    Map.of("waybill", waybill, "status", "CANCELLED", "at", t.plusSeconds(30).toString(),
                            "note", "truck impounded"))));
            assertEquals(pushed.toString(), 200, pushed.status());
            JsonNode returning = hubei.get("/shipments/" + id).json();
            assertEquals(returning.toString(), "RETURNING", returning.get("status").asText());
            // the carrier caused it: its promises stay on the clock (delivery still owed, not left out)
            assertEquals(returning.toString(), 3, returning.get("sla").get("milestones").size());
            JsonNode ret = hubei.get("/shipments/" + id + "/return").json();
            assertEquals(ret.toString(), "CARRIER", ret.get("cause").asText());
            assertEquals("carrier homeward reported CANCELLED: truck impounded", ret.get("reason").asText());
            assertTrue(ret.get("outcome").isNull());
            assertEquals(200, partner.get("/shipments/" + id + "/return").status());
            assertEquals(404, api().as("jiangsu").get("/shipments/" + id + "/return").status());
            Api.Reply tooLate = hubei.post("/shipments/" + id + "/receive", null);
            assertEquals(tooLate.toString(), 409, tooLate.status());
            assertTrue(tooLate.contentType().startsWith("application/problem+json"));
            assertEquals(403, api().as("auditor").post("/shipments/" + id + "/return/receive", null).status());

            String key = UUID.randomUUID().toString();
            Api.Reply back = officer.header("Idempotency-Key", key).post("/shipments/" + id + "/return/receive",
                    Map.of("note", "back on the shelf"));
            assertEquals(back.toString(), 200, back.status());
            assertEquals("RETURNED", back.json().get("status").asText());
            assertEquals(200, officer.header("Idempotency-Key", key).post("/shipments/" + id + "/return/receive",
                    Map.of("note", "back on the shelf")).status());
            assertEquals(free + 40, inventory.available(system, central, tents));
            JsonNode batch = admin.get("/allocation/batches/" + batchId).json();
            assertEquals(batch.toString(), "RETURNED", batch.get("status").asText());
            JsonNode line = line(batch, wuhanStore);
            assertEquals("RETURNED", line.get("status").asText());
            assertEquals("returned: back on the shelf", line.get("reason").asText());
            long transferId = line.get("transferId").asLong();
            assertEquals(40, sum("SELECT SUM(quantity) FROM tp_inv_movement WHERE movement_type = 'TRANSFER_IN' AND "
                    + "depot_id = " + central + " AND transfer_id = " + transferId));
            assertEquals("RETURNED", admin.get("/inventory/transfers/" + transferId).json().get("status").asText());
            JsonNode closed = officer.get("/shipments/" + id + "/return").json();
            assertEquals(closed.toString(), "RETURNED", closed.get("outcome").asText());
        } finally {
            reg.unregister();
        }
    }

    /**
     * The ministry recalls goods handed over: the clock stops without blaming the carrier; the goods are carried on
     * by another carrier (a new shipment; the batch line, still in transit, says so) and arrive through it.
     */
    @Test
    public void aRecalledShipmentStopsTheClockAndIsCarriedOnByAnotherCarrier() throws Exception {
        Caller system = Caller.system("it");
        long wuhanStore = depot("HB-WH-01");
        Api admin = api().as("admin");
        Api officer = api().as("officer");
        Api hubei = api().as("hubei");
        ServiceRegistration<Carrier> reg = register("detour", new TestCarrier("detour"));
        ServiceRegistration<Carrier> relay = register("relay", new TestCarrier("relay"));
        try {
            long coats = catalogue.getByCode(system, "FIELD-RAINCOAT").id();
            long batchId = approvedBatch(coats, 50, 30);
            JsonNode s = officer.post("/shipments", Map.of("batchId", batchId, "carrierId", "detour", "packages", 2,
                    "weightKg", 30)).json();
            long id = handOver(officer, s);
            assertEquals(404, officer.post("/shipments/" + id + "/return/rebook", Map.of("carrierId", "relay")).status());
            Api.Reply recalled = officer.post("/shipments/" + id + "/return", Map.of("reason", "route closed"));
            assertEquals(recalled.toString(), 200, recalled.status());
            assertEquals("RETURNING", recalled.json().get("status").asText());
            assertEquals(0, recalled.json().get("sla").get("milestones").size()); // the clock stopped
            assertEquals("MINISTRY", officer.get("/shipments/" + id + "/return").json().get("cause").asText());
            assertEquals(403, api().as("auditor").post("/shipments/" + id + "/return", null).status());
            assertField(officer.post("/shipments/" + id + "/return/rebook", Map.of()), "carrierId");

            Api.Reply rebooked = officer.header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/shipments/" + id + "/return/rebook", Map.of("carrierId", "relay"));
            assertEquals(rebooked.toString(), 200, rebooked.status());
            JsonNode next = rebooked.json();
            long nextId = next.get("id").asLong();
            assertEquals("relay", next.get("carrierId").asText());
            if (next.get("keyArea").asBoolean()) {
                handOver(officer, next);
            }
            JsonNode ret = officer.get("/shipments/" + id + "/return").json();
            assertEquals(ret.toString(), "REBOOKED", ret.get("outcome").asText());
            assertEquals(nextId, ret.get("rebookedAs").asLong());
            assertEquals("RETURNED", officer.get("/shipments/" + id).json().get("status").asText());
            JsonNode line = line(admin.get("/allocation/batches/" + batchId).json(), wuhanStore);
            assertEquals("DISPATCHED", line.get("status").asText());
            assertTrue(line.toString(), line.get("reason").asText().startsWith("re-booked on " + next.get("number").asText()));
            long onHand = inventory.available(system, wuhanStore, coats);
            Api.Reply got = hubei.post("/shipments/" + nextId + "/receive", null);
            assertEquals(got.toString(), 200, got.status());
            assertEquals(onHand + 30, inventory.available(system, wuhanStore, coats));
        } finally {
            relay.unregister();
            reg.unregister();
        }
    }

    /**
     * A courier's push arrives before Tongpao has its answer to the booking: accepted for later matching (202),
     * listed as unmatched to operators and to that partner only, and applied in order of occurrence once the
     * booking returns the waybill.
     */
    @Test
    public void aPushBeforeTheBookingAnswerIsKeptListedAndMatchedLater() throws Exception {
        long hubeiProv = depot("HB-PROV-01");
        long wuhanStore = depot("HB-WH-01");
        Api admin = api().as("admin");
        Api hubei = api().as("hubei");
        partnerAccount("prompt");
        Api partner = api().as("prompt-ops", "Prompt-pass-1");
        ServiceRegistration<Carrier> reg = register("prompt", new TestCarrier("prompt") {
            @Override
            public Booking book(ShipmentOrder order) {
                return new Booking("PROMPT-WB-1", null, null);
            }
        });
        try {
            Instant t = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
            Api.Reply kept = partner.post("/carriers/prompt/tracking", Map.of("events", List.of(
                    Map.of("waybill", "PROMPT-WB-1", "status", "PICKED_UP", "at", t.plusSeconds(60).toString()),
                    Map.of("waybill", "PROMPT-WB-1", "status", "ACCEPTED", "at", t.toString()))));
            assertEquals(kept.toString(), 202, kept.status());
            assertTrue(kept.contentType(), kept.contentType().startsWith("application/json"));
            assertEquals(2, kept.json().get("parked").asInt());
            JsonNode mine = partner.get("/carriers/prompt/tracking/unmatched").json().get("items");
            assertEquals(mine.toString(), 2, mine.size());
            assertEquals("PICKED_UP", mine.get(0).get("status").asText());
            assertEquals(2, admin.get("/carriers/prompt/tracking/unmatched").json().get("items").size());
            assertEquals(403, hubei.get("/carriers/prompt/tracking/unmatched").status());
            assertEquals(403, partner.get("/carriers/acme/tracking/unmatched").status());
            assertTrue(Console.run(sessions, "tongpao:tracking-unmatched --carrier prompt").contains("PROMPT-WB-1"));

            JsonNode booked = hubei.post("/shipments", plain(hubeiProv, wuhanStore, "prompt")).json();
            assertEquals(booked.toString(), "PICKED_UP", booked.get("status").asText());
            JsonNode timeline = hubei.get("/shipments/" + booked.get("id").asLong() + "/events").json().get("items");
            assertEquals("ACCEPTED", timeline.get(0).get("status").asText());
            assertEquals("PICKED_UP", timeline.get(1).get("status").asText());
            assertTrue(partner.get("/carriers/prompt/tracking/unmatched").json().get("items").isEmpty());
        } finally {
            reg.unregister();
        }
    }

    /** A batch of {@code quantity} of the item from the central reserve to Wuhan's store, stocked with {@code stock}. */
    private long approvedBatch(long item, int stock, int quantity) {
        Caller system = Caller.system("it");
        long central = depot("CENTRAL-RESERVE");
        long station = units.getByCode(system, "P42-WUHAN-JIANGAN-T01").id();
        Api admin = api().as("admin");
        assertEquals(201, admin.post("/inventory/receipts", Map.of("depotId", central, "itemId", item, "quantity", stock,
                "origin", "PURCHASE_ORDER", "sourceDocument", "PO-R-" + item, "expiryDate",
                LocalDate.now().plusYears(2).toString())).status());
        assertEquals(201, api().as("hubei").post("/needs", Map.of("orgUnitId", station, "itemId", item, "quantity",
                quantity, "urgency", "IMMEDIATE", "justification", "checkpoint duty", "receivingDepotId",
                depot("HB-WH-01"))).status());
        Api.Reply plan = api().as("officer").post("/allocation/plans", Map.of("itemId", item, "sourceDepotIds",
                List.of(central)));
        assertEquals(plan.toString(), 201, plan.status());
        Api.Reply approved = admin.post("/allocation/plans/" + plan.json().get("id").asLong() + "/approve", null);
        assertEquals(approved.toString(), 201, approved.status());
        return approved.json().get("id").asLong();
    }

    /** Dispatches a booked shipment, with an entry pass first if it goes into a key area; answers its id. */
    private static long handOver(Api officer, JsonNode shipment) {
        long id = shipment.get("id").asLong();
        assertEquals(shipment.toString(), "BOOKED", shipment.get("status").asText());
        if (shipment.get("keyArea").asBoolean()) {
            EntryPasses.grant(officer, id);
        }
        Api.Reply sent = officer.post("/shipments/" + id + "/dispatch", null);
        assertEquals(sent.toString(), 200, sent.status());
        return id;
    }

    private void partnerAccount(String carrier) throws Exception {
        String user = carrier + "-ops";
        String password = Character.toUpperCase(carrier.charAt(0)) + carrier.substring(1) + "-pass-1";
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add " + user + " " + password
                + "; jaas:role-add " + user + " partner; jaas:role-add " + user + " partner-" + carrier + "; jaas:update");
    }

    // ---------------------------------------------------------------- a carrier from a "partner" (this test bundle)

    /** A well-behaved carrier: waybill from the shipment number, PUSH tracking, nationwide. */
    static class TestCarrier implements Carrier {
        final String id;
        final Map<String, String> bookings = new ConcurrentHashMap<>();

        TestCarrier(String id) {
            this.id = id;
        }

        @Override
        public CarrierProfile profile() {
            return new CarrierProfile(id + " express", Set.of(TransportMode.ROAD, TransportMode.AIR), Set.of(),
                    new BigDecimal("2000"), Set.of(TrackingMode.PUSH),
                    ServicePromise.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(48)));
        }

        @Override
        public Quote quote(ShipmentOrder order) {
            return new Quote(new BigDecimal("88.00"), "CNY", Duration.ofHours(2), Duration.ofHours(20),
                    Instant.now().plus(1, ChronoUnit.HOURS));
        }

        @Override
        public Booking book(ShipmentOrder order) throws CarrierException {
            return new Booking(bookings.computeIfAbsent(order.shipmentRef(), ref -> id.toUpperCase() + "-" + ref), null, null);
        }

        @Override
        public void cancel(String waybill, String reason) {
            bookings.values().remove(waybill);
        }

        @Override
        public List<TrackingEvent> track(String waybill) {
            return List.of();
        }
    }

    private ServiceRegistration<Carrier> register(String id, Carrier carrier) {
        Dictionary<String, Object> props = new Hashtable<>(Map.of(Carrier.ID_PROPERTY, id));
        ServiceRegistration<Carrier> reg = bundleContext.registerService(Carrier.class, carrier, props);
        Poll.until("carrier " + id + " is picked up", Duration.ofSeconds(10), () -> transport.carriers(Caller.system("it"))
                .stream().filter(c -> c.id().equals(id) && c.available()).findFirst());
        return reg;
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> plain(long from, long to, String carrier) {
        return Map.of("fromDepotId", from, "toDepotId", to, "carrierId", carrier, "packages", 3, "weightKg", 45);
    }

    private static Map<String, Object> pass(Instant from, Instant until) {
        return Map.of("number", "WH-2020-0042", "authority", "Wuhan epidemic prevention headquarters",
                "validFrom", from.toString(), "validUntil", until.toString(), "vehiclePlate", "鄂A·J1234", "driver", "Wang Jun");
    }

    private static JsonNode milestone(JsonNode shipment, String name) {
        for (JsonNode m : shipment.get("sla").get("milestones")) {
            if (name.equals(m.get("name").asText())) {
                return m;
            }
        }
        throw new AssertionError("no milestone " + name + " in " + shipment);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertEquals(reply.toString(), 400, reply.status());
        assertTrue(reply.toString(), reply.contentType().startsWith("application/problem+json"));
        assertEquals(reply.toString(), field, reply.json().get("field").asText());
    }
}
