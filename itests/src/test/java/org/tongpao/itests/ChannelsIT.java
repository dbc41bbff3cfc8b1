package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tongpao.core.Caller;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.QuoteFilter;
import org.tongpao.procurement.QuoteStatus;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.OfferLine;
import org.tongpao.procurement.api.OrderLine;
import org.tongpao.procurement.api.PlacedOrder;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressMode;
import org.tongpao.procurement.api.ProgressPage;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.api.ProgressStatus;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;
import org.tongpao.procurement.api.SupplyOrigin;

/**
 * Procurement channels in the central install (tongpao-procurement): a channel registered at run time from this
 * test bundle is listed with its offer, quoted and ordered through the gateway the orders code uses and through
 * REST, its progress pushed (REST and the bundle's ProgressSink) and pulled, kept while no order matches it; a
 * channel that hangs is cut off by the time limit while another answers. The built-in channels (centre stream): an
 * import order in KRW through customs, an emergency procurement at the centre, and purchase orders placed through both.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ChannelsIT extends CentralNode {
    private static final String GATEWAY = "org.tongpao.procurement.internal.channels.ChannelGateway";

    @Inject
    BundleContext bundleContext;

    @Inject
    SessionFactory sessions;

    @Inject
    ConfigurationAdmin configAdmin;

    @Inject
    ProcurementService procurement;

    /**
     * The REST server mounted the channels; no scheduled pull (this test pulls on demand, so that it knows what
     * each pull brings) and a 2 s time limit, applied live.
     */
    @Before
    public void restServerHasMountedTheChannels() throws Exception {
        Poll.status("/procurement/channels", 401, () -> api().get("/procurement/channels"));
        configAdmin.getConfiguration("org.tongpao.procurement.channels", null).update(new Hashtable<>(Map.of(
                "callTimeoutMillis", 2000, "threadsPerChannel", 2, "queuePerChannel", 16, "pollSeconds", 0)));
    }

    @Test
    public void aChannelIsListedQuotedOrderedAndItsProgressPushedAndPulled() throws Exception {
        Console.run(sessions, "jaas:realm-manage --realm tongpao; jaas:user-add masks-ops Masks-pass-1; "
                + "jaas:role-add masks-ops partner; jaas:role-add masks-ops partner-masks; "
                + "jaas:user-add other-ops Other-pass-1; jaas:role-add other-ops partner; "
                + "jaas:role-add other-ops partner-other; jaas:update");
        Api buyer = api().as("buyer");
        Api hubeiBuyer = api().as("hubei-buyer");
        Api auditor = api().as("auditor");
        Api masksOps = api().as("masks-ops", "Masks-pass-1");
        Api otherOps = api().as("other-ops", "Other-pass-1");
        TestChannel masks = new TestChannel("masks", ProgressMode.PULL, ProgressMode.PUSH);
        ServiceRegistration<Channel> reg = register("masks", masks);
        try {
            // listed with its offer; a partner account sees its own channel only
            JsonNode listed = buyer.get("/procurement/channels").json().get("items");
            assertTrue(listed.toString(), listed.toString().contains("\"id\":\"masks\""));
            JsonNode one = buyer.get("/procurement/channels/masks").json();
            assertTrue(one.toString(), one.get("available").asBoolean());
            assertEquals("MASK-N95", one.get("offer").get("lines").get(0).get("itemCode").asText());
            assertEquals(100_000, one.get("offer").get("lines").get(0).get("capacityPerWeek").asLong());
            assertEquals(200, auditor.get("/procurement/channels").status());
            assertEquals(1, masksOps.get("/procurement/channels").json().get("items").size());
            assertEquals(0, otherOps.get("/procurement/channels").json().get("items").size());
            assertEquals(404, otherOps.get("/procurement/channels/masks").status());
            assertEquals(404, buyer.get("/procurement/channels/nosuch").status());

            // a quote over REST: exact decimals; a province's buyer for its own province only; bad input named
            Api.Reply quote = hubeiBuyer.post("/procurement/channels/masks/quotes", Map.of("deliverToProvince", "42",
                    "emergency", true, "lines", List.of(Map.of("itemCode", "MASK-N95", "quantity", 1000))));
            assertEquals(quote.toString(), 201, quote.status());
            assertEquals(0, new BigDecimal("2.35").compareTo(quote.json().get("lines").get(0).get("unitPrice").decimalValue()));
            // stored: read back at its Location, where the buyer of another province does not find it
            assertTrue(quote.location(), quote.location().endsWith("/procurement/quotes/" + quote.json().get("id").asLong()));
            assertEquals(quote.json().get("quoteRef"), hubeiBuyer.get("/procurement/quotes/" + quote.json().get("id")
                    .asLong()).json().get("quoteRef"));
            assertEquals(404, api().as("jiangsu-buyer").get("/procurement/quotes/" + quote.json().get("id").asLong())
                    .status());
            assertEquals(403, hubeiBuyer.post("/procurement/channels/masks/quotes", Map.of("deliverToProvince", "32",
                    "lines", List.of(Map.of("itemCode", "MASK-N95", "quantity", 1000)))).status());
            Api.Reply bad = buyer.post("/procurement/channels/masks/quotes", Map.of("deliverToProvince", "42",
                    "lines", List.of(Map.of("itemCode", "MASK-N95", "quantity", 0))));
            assertEquals(bad.toString(), 400, bad.status());
            assertEquals("lines[0].quantity", bad.json().get("field").asText());
            assertEquals(403, auditor.post("/procurement/channels/masks/quotes", Map.of()).status());

            // an order through the gateway, as the orders code places it (idempotent on the order reference)
            Object gateway = gateway();
            ChannelOrder order = new ChannelOrder("PO-IT-1", null, "CNY", List.of(new OrderLine("L1", "MASK-N95", 1000,
                    new BigDecimal("2.35"), LocalDate.now().plusDays(7))), "42", "Wuhan depot", true, null);
            PlacedOrder placed = (PlacedOrder) invoke(gateway, "place", "masks", order);
            assertEquals(placed, invoke(gateway, "place", "masks", order));
            String ref = placed.channelOrderRef();

            // pushed over REST by the partner's account: once per event id, kept while no order matches
            Map<String, Object> confirmed = Map.of("eventId", "E1", "channelOrderRef", ref, "status", "CONFIRMED",
                    "at", Instant.now().toString());
            Map<String, Object> shipped = Map.of("eventId", "E2", "channelOrderRef", ref, "status", "SHIPPED",
                    "at", Instant.now().toString(), "lineRef", "L1", "quantity", 400,
                    "documents", List.of(Map.of("kind", "WAYBILL", "number", "SF-1")));
            Api.Reply pushed = masksOps.post("/procurement/channels/masks/progress", Map.of("events", List.of(confirmed, shipped)));
            assertEquals(pushed.toString(), 200, pushed.status());
            assertEquals(2, pushed.json().get("accepted").asInt());
            JsonNode again = masksOps.post("/procurement/channels/masks/progress", Map.of("events", List.of(confirmed))).json();
            assertEquals(1, again.get("duplicates").asInt());
            assertEquals(403, otherOps.post("/procurement/channels/masks/progress", Map.of("events", List.of(confirmed))).status());
            Api.Reply noNote = masksOps.post("/procurement/channels/masks/progress", Map.of("events", List.of(Map.of("eventId",
                    "E9", "channelOrderRef", ref, "status", "EXCEPTION", "at", Instant.now().toString()))));
            assertEquals(noNote.toString(), 400, noNote.status());
            assertEquals("events[0].note", noNote.json().get("field").asText());
            assertEquals(2, count("tp_proc_channel_progress WHERE channel_id = 'masks'"));

            // pushed by the channel's own bundle through its ProgressSink (this bundle registered 'masks')
            ServiceReference<ProgressSink> sinkRef = bundleContext.getServiceReference(ProgressSink.class);
            ProgressSink sink = bundleContext.getService(sinkRef);
            try {
                assertEquals(1, sink.publish("masks", List.of(ProgressEvent.of("E3", ref, ProgressStatus.AT_CUSTOMS, Instant.now()))));
            } finally {
                bundleContext.ungetService(sinkRef);
            }

            // pulled: from the stored cursor, the new events only
            masks.log.add(ProgressEvent.of("P1", ref, ProgressStatus.IN_PRODUCTION, Instant.now()));
            masks.log.add(ProgressEvent.of("P2", ref, ProgressStatus.DELIVERED, Instant.now()));
            Api.Reply poll = buyer.post("/procurement/channels/masks/poll", null);
            assertEquals(poll.toString(), 200, poll.status());
            assertEquals(2, poll.json().get("accepted").asInt());
            assertEquals(0, buyer.post("/procurement/channels/masks/poll", null).json().get("received").asInt());
            assertEquals(List.of("null", "2"), masks.cursorsAsked);
            assertEquals(403, auditor.post("/procurement/channels/masks/poll", null).status());

            // no order in the platform has this reference: every event is kept, none dropped
            assertEquals(5, count("tp_proc_channel_progress WHERE channel_id = 'masks'"));
            assertEquals(5, buyer.get("/procurement/channels/masks").json().get("keptProgress").asLong());

            invoke(gateway, "cancel", "masks", ref, "budget withdrawn");
        } finally {
            reg.unregister();
        }
        JsonNode gone = Poll.until("masks shown unavailable", Duration.ofSeconds(10), () -> {
            JsonNode v = buyer.get("/procurement/channels/masks").json();
            return v.get("available").asBoolean() ? Optional.empty() : Optional.of(v);
        });
        assertEquals("channel masks is not installed", gone.get("problem").asText());
        assertEquals(409, buyer.post("/procurement/channels/masks/quotes", Map.of("deliverToProvince", "42",
                "lines", List.of(Map.of("itemCode", "MASK-N95", "quantity", 1)))).status());
    }

    @Test
    public void aHangingChannelIsCutOffByTheTimeLimitWithoutBlockingAnother() throws Exception {
        Api buyer = api().as("buyer");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestChannel stuck = new TestChannel("stuck", ProgressMode.PUSH) {
            @Override
            public ChannelQuote quote(QuoteRequest request) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.quote(request);
            }
        };
        ServiceRegistration<Channel> stuckReg = register("stuck", stuck);
        ServiceRegistration<Channel> quickReg = register("quick", new TestChannel("quick", ProgressMode.PUSH));
        Map<String, Object> rfq = Map.of("deliverToProvince", "42", "lines", List.of(Map.of("itemCode", "MASK-N95", "quantity", 10)));
        try {
            CompletableFuture<Api.Reply> hanging = CompletableFuture.supplyAsync(() -> buyer.post("/procurement/channels/stuck/quotes", rfq));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            Api.Reply quick = buyer.post("/procurement/channels/quick/quotes", rfq);
            assertEquals(quick.toString(), 201, quick.status());
            assertFalse("the stuck call is still waiting while the other channel answered", hanging.isDone());
            Api.Reply cut = hanging.get(30, TimeUnit.SECONDS);
            assertEquals(cut.toString(), 409, cut.status());
            assertTrue(cut.toString(), cut.body().contains("channel stuck did not answer quote within"));
            assertTrue(buyer.get("/procurement/channels/stuck").json().get("problem").asText().contains("did not answer"));
            assertEquals(409, buyer.post("/procurement/channels/stuck/poll", null).status()); // push only
        } finally {
            release.countDown();
            stuckReg.unregister();
            quickReg.unregister();
        }
    }

    @Test
    public void anOrderPlacedThroughAChannelTakesTheProgressKeptForIt() throws Exception {
        Api buyer = api().as("buyer");
        TestChannel gloves = new TestChannel("gloves", ProgressMode.PUSH);
        ServiceRegistration<Channel> reg = register("gloves", gloves);
        ServiceReference<ProgressSink> sinkRef = bundleContext.getServiceReference(ProgressSink.class);
        ProgressSink sink = bundleContext.getService(sinkRef);
        try {
            // the channel's confirmation overtakes its answer to the order (its first reference is GLOVES-1): kept
            assertEquals(1, sink.publish("gloves", List.of(ProgressEvent.of("G1", "GLOVES-1", ProgressStatus.CONFIRMED, Instant.now()))));
            assertEquals(1, buyer.get("/procurement/channels/gloves").json().get("keptProgress").asLong());

            // an emergency order through the channel (funding line, qualified supplier, one approval with a reason)
            long line = id(api().as("finance").post("/funding/budget-lines", Map.of("code", "SEF-CHIT", "name", "SEF-CHIT",
                    "source", "SPECIAL_EPIDEMIC_FUND", "holder", "MINISTRY", "amount", new BigDecimal("100000"))));
            long item = catalogue.getByCode(org.tongpao.core.Caller.system("it"), "MASK-MEDPROT").id();
            long supplier = id(buyer.post("/procurement/suppliers", Map.of("code", "GLV-CHIT", "name", "Gloves channel works",
                    "country", "CN", "qualifications", List.of(Map.of("itemId", item, "standard", "GB 19083-2010",
                            "weeklyCapacity", 50_000, "leadTimeDays", 2)))));
            long order = id(buyer.post("/procurement/orders", Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"),
                    "budgetLineId", line, "currency", "CNY", "emergency", true, "channelId", "gloves",
                    "lines", List.of(Map.of("itemId", item, "quantity", 100, "unitPrice", new BigDecimal("2.35"),
                            "promisedDate", LocalDate.now().plusDays(3).toString())))));
            assertEquals(200, buyer.post("/procurement/orders/" + order + "/submit", null).status());
            assertEquals(200, buyer.post("/procurement/orders/" + order + "/approve", Map.of("justification",
                    "Wuhan hospitals run out of gloves within two days; single source, expedited")).status());
            Api.Reply placed = buyer.post("/procurement/orders/" + order + "/place", null);
            assertEquals(placed.toString(), "GLOVES-1", placed.json().path("channelReference").asText());

            // the kept confirmation is on the order now, and later progress goes straight to it
            assertEquals(0, buyer.get("/procurement/channels/gloves").json().get("keptProgress").asLong());
            assertEquals(1, sink.publish("gloves", List.of(ProgressEvent.of("G2", "GLOVES-1", ProgressStatus.SHIPPED, Instant.now()))));
            JsonNode progress = buyer.get("/procurement/orders/" + order + "/progress").json().get("items");
            assertEquals(progress.toString(), 2, progress.size());
            assertTrue(progress.toString(), progress.toString().contains("CONFIRMED") && progress.toString().contains("SHIPPED"));
        } finally {
            bundleContext.ungetService(sinkRef);
            reg.unregister();
        }
    }

    // ---------------------------------------------------------------- a channel from a "partner" (this test bundle)

    /** A well-behaved channel: masks at 2.35 CNY, orders idempotent per reference, progress pulled by cursor. */
    static class TestChannel implements Channel {
        final String id;
        final Set<ProgressMode> modes;
        final Map<String, String> orders = new ConcurrentHashMap<>();
        final List<ProgressEvent> log = new CopyOnWriteArrayList<>();
        final List<String> cursorsAsked = new CopyOnWriteArrayList<>();

        TestChannel(String id, ProgressMode... modes) {
            this.id = id;
            this.modes = Set.of(modes);
        }

        @Override
        public ChannelOffer offer() {
            return new ChannelOffer(id + " supplies", Set.of(SupplyOrigin.DOMESTIC), "CNY",
                    List.of(OfferLine.item("MASK-N95", "GB 19083-2010", 7, 100_000)), modes);
        }

        @Override
        public ChannelQuote quote(QuoteRequest request) {
            return new ChannelQuote("Q-" + request.requestRef(), "CNY", request.lines().stream().map(l -> new QuotedLine(l.lineRef(),
                    l.quantity(), new BigDecimal("2.35"), LocalDate.now().plusDays(7))).toList(),
                    Instant.now().plus(1, ChronoUnit.DAYS), null, null);
        }

        @Override
        public PlacedOrder place(ChannelOrder order) {
            return new PlacedOrder(orders.computeIfAbsent(order.orderRef(), k -> id.toUpperCase() + "-" + (orders.size() + 1)), null);
        }

        @Override
        public void cancel(String channelOrderRef, String reason) throws ChannelException {
            if (!orders.values().remove(channelOrderRef)) {
                throw new ChannelException("unknown order " + channelOrderRef, false);
            }
        }

        @Override
        public ProgressPage progress(String cursor) {
            cursorsAsked.add(String.valueOf(cursor));
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            return from == log.size() ? ProgressPage.empty(cursor)
                    : new ProgressPage(new ArrayList<>(log.subList(from, log.size())), String.valueOf(log.size()));
        }
    }

    private static long id(Api.Reply created) {
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asLong();
    }

    private ServiceRegistration<Channel> register(String id, Channel channel) {
        Dictionary<String, Object> props = new Hashtable<>(Map.of(Channel.ID_PROPERTY, id));
        ServiceRegistration<Channel> reg = bundleContext.registerService(Channel.class, channel, props);
        Poll.until("channel " + id + " is picked up", Duration.ofSeconds(10), () -> {
            Api.Reply r = api().as("buyer").unrecorded().get("/procurement/channels/" + id);
            return r.status() == 200 && r.json().get("available").asBoolean() ? Optional.of(r) : Optional.empty();
        });
        return reg;
    }

    /** The ChannelGateway service the orders code calls (an internal package: reached by name, as a partner cannot). */
    private Object gateway() throws Exception {
        ServiceReference<?>[] refs = bundleContext.getServiceReferences(GATEWAY, null);
        assertTrue("a ChannelGateway service", refs != null && refs.length == 1);
        return bundleContext.getService(refs[0]);
    }

    private static Object invoke(Object target, String method, Object... args) throws Exception {
        for (var m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof PartnerFailure f) {
                        throw new AssertionError(method + " failed: " + f.getMessage(), f);
                    }
                    throw e;
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    // --- the built-in channels (centre stream): the procurement centre and international import ---

    private static final String WHY = "Wuhan's fever clinics run out of N95 masks within 48 hours";

    private Channel channel(String id) {
        return Poll.until("channel " + id + " registered", Duration.ofSeconds(20), () -> {
            try {
                var refs = bundleContext.getServiceReferences(Channel.class, "(" + Channel.ID_PROPERTY + "=" + id + ")");
                return refs.stream().findFirst().map(r -> bundleContext.getService(r));
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static long createdId(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().get("id").asLong();
    }

    private static List<ProgressStatus> statuses(List<ProgressEvent> events, String channelOrderRef) {
        List<ProgressStatus> out = new ArrayList<>();
        events.stream().filter(e -> e.channelOrderRef().equals(channelOrderRef)).forEach(e -> out.add(e.status()));
        return out;
    }

    @Test
    public void anImportOrderInKrwGoesThroughCustomsWithItsRatesAtOrderAndAtPayment() throws Exception {
        Api buyer = api().as("buyer");
        // the rate in force, a Korean offer for KF94 masks, the Chinese standard they must be certified to
        Map<String, Object> rateBody = Map.of("currency", "KRW", "rate", new BigDecimal("0.0052"), "asOf",
                Instant.now().minusSeconds(3600).toString(), "source", "PBOC central parity");
        long rateId = createdId(buyer.header("Idempotency-Key", "rate-krw-1").post("/procurement/import/rates", rateBody));
        Api.Reply again = buyer.header("Idempotency-Key", "rate-krw-1").post("/procurement/import/rates", rateBody);
        assertEquals(again.toString(), rateId, again.json().get("id").asLong());
        Api.Reply badRate = buyer.post("/procurement/import/rates", Map.of("currency", "KRW", "rate", -1));
        assertEquals(badRate.toString(), 400, badRate.status());
        assertEquals("rate", badRate.json().get("field").asText());
        assertEquals(200, buyer.get("/procurement/import/rates?currency=KRW").status());
        long offer = createdId(buyer.post("/procurement/import/offers", Map.of("code", "KR-KF94-1", "supplierName",
                "Seoul Mask Co.", "country", "KR", "itemCode", "MASK-KN95", "currency", "KRW", "unitPrice", 1250, "incoterm",
                "CIF", "leadDays", 40, "capacityPerWeek", 500_000, "validUntil", LocalDate.now().plusDays(90).toString())));
        assertEquals(200, buyer.get("/procurement/import/offers?itemCode=MASK-KN95").status());
        assertEquals("CIF", buyer.get("/procurement/import/offers/" + offer).json().get("incoterm").asText());
        Api.Reply standard = buyer.put("/procurement/import/standards/MASK-KN95", Map.of("standard", "GB 2626-2019",
                "note", "KN95/KF94 need the Chinese standard's certificate before release"));
        assertEquals(standard.toString(), 200, standard.status());
        assertEquals(200, buyer.get("/procurement/import/standards").status());

        // quoted and ordered through the SPI, as the platform does: the rate in force is fixed with the order
        Channel krw = channel("import-krw");
        assertEquals("KRW", krw.offer().currency());
        ChannelQuote quote = krw.quote(new QuoteRequest("RFQ-IMP-1", List.of(new RequestLine("L1", "MASK-KN95", null,
                200_000, "GB 2626-2019")), "42", null, false));
        assertEquals("CIF", quote.incoterm());
        assertEquals(0, new BigDecimal("250000000").compareTo(quote.total()));
        PlacedOrder placed = krw.place(new ChannelOrder("PO-IMP-1", quote.quoteRef(), "KRW", List.of(new OrderLine("L1",
                "MASK-KN95", 200_000, new BigDecimal("1250"), null)), "42", "Wuhan central depot", false, null));
        long id = Long.parseLong(placed.channelOrderRef().substring("IMP-".length()));
        JsonNode order = buyer.get("/procurement/import/orders/" + id).json();
        assertEquals(0, new BigDecimal("0.0052").compareTo(order.get("rateAtOrder").decimalValue()));
        assertEquals(0, new BigDecimal("1300000.00").compareTo(order.get("cnyAtOrder").decimalValue()));
        assertEquals(id, api().as("hubei-buyer").get("/procurement/import/orders/" + id).json().get("id").asLong());

        // confirmed and shipped by the Korean supplier, then customs in its order
        String path = "/procurement/import/orders/" + id;
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "CONFIRMED")).status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "SHIPPED", "note", "KE-881")).status());
        Api.Reply early = buyer.post(path + "/customs", Map.of("step", "INSPECTED"));
        assertEquals(early.toString(), 409, early.status());
        assertEquals("step", early.json().get("field").asText());
        JsonNode declared = buyer.post(path + "/customs", Map.of("step", "DECLARED", "reference", "DECL-2026-0001")).json();
        assertEquals("AT_CUSTOMS", declared.get("status").asText());
        assertEquals(200, buyer.post(path + "/documents", Map.of("kind", "CUSTOMS_DECLARATION", "number", "DECL-2026-0001",
                "issued", LocalDate.now().toString())).status());
        assertEquals(200, buyer.post(path + "/customs", Map.of("step", "INSPECTED", "note", "20 cartons sampled")).status());
        assertEquals(200, buyer.post(path + "/customs", Map.of("step", "DUTIES_PAID", "reference", "DUTY-77", "dutiesCny",
                new BigDecimal("84500.00"))).status());
        Api.Reply uncertified = buyer.post(path + "/customs", Map.of("step", "CLEARED"));
        assertEquals(uncertified.toString(), 409, uncertified.status());
        assertEquals("certifications", uncertified.json().get("field").asText());
        assertEquals(200, buyer.post(path + "/certifications", Map.of("itemCode", "MASK-KN95", "standard", "GB 2626-2019",
                "certificateNumber", "CNCA-2026-0042", "issuedBy", "CNCA", "validUntil",
                LocalDate.now().plusYears(1).toString())).status());
        assertEquals("CLEARED", buyer.post(path + "/customs", Map.of("step", "CLEARED", "reference", "REL-9")).json()
                .get("status").asText());
        JsonNode paid = buyer.post(path + "/payment", Map.of("rate", new BigDecimal("0.00531"))).json();
        assertEquals(paid.toString(), 0, new BigDecimal("1327500.00").compareTo(paid.get("cnyAtPayment").decimalValue()));
        assertEquals(0, new BigDecimal("27500.00").compareTo(paid.get("exchangeDifferenceCny").decimalValue()));
        assertEquals("DELIVERED", buyer.post(path + "/progress", Map.of("status", "DELIVERED")).json().get("status").asText());

        // the platform's pull sees AT_CUSTOMS, CLEARED (with the papers and the certificate), DELIVERED
        List<ProgressEvent> events = krw.progress(null).events();
        assertEquals(List.of(ProgressStatus.CONFIRMED, ProgressStatus.SHIPPED, ProgressStatus.AT_CUSTOMS,
                ProgressStatus.CLEARED, ProgressStatus.DELIVERED), statuses(events, placed.channelOrderRef()));
        ProgressEvent cleared = events.stream().filter(e -> e.status() == ProgressStatus.CLEARED).findFirst().orElseThrow();
        assertTrue(cleared.toString(), cleared.documents().stream().anyMatch(d -> d.kind() == DocumentKind.IMPORT_CERTIFICATION
                && d.number().equals("CNCA-2026-0042")));

        // an order taken directly, then cancelled; the offer withdrawn; the lists
        long direct = createdId(buyer.post("/procurement/import/orders", Map.of("orderRef", "IMP-DIRECT-1", "currency", "KRW",
                "buyerProvince", "42", "lines", List.of(Map.of("lineRef", "1", "itemCode", "MASK-KN95", "quantity", 1000)))));
        assertEquals("CANCELLED", buyer.post("/procurement/import/orders/" + direct + "/cancellation",
                Map.of("reason", "covered by donations")).json().get("status").asText());
        assertEquals("WITHDRAWN", buyer.post("/procurement/import/offers/" + offer + "/withdrawal", null).json()
                .get("status").asText());
        assertEquals(2, buyer.get("/procurement/import/orders?status=DELIVERED").json().get("items").size()
                + buyer.get("/procurement/import/orders?status=CANCELLED").json().get("items").size());
        assertEquals(403, api().as("hubei").get("/procurement/import/orders").status());
    }

    @Test
    public void theCentreRecordsAnEmergencyProcurementWithItsJustificationAndApprover() throws Exception {
        Api buyer = api().as("buyer");
        String from = LocalDate.now().minusDays(1).toString();
        String until = LocalDate.now().plusDays(180).toString();
        long cheap = createdId(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-2026-001", "supplierCode",
                "SUP-HN-1", "supplierName", "Henan Protective Products", "validFrom", from, "validUntil", until, "leadDays",
                14, "expeditedLeadDays", 5, "items", List.of(Map.of("itemCode", "MASK-N95", "unitPrice", 2.5,
                        "capacityPerWeek", 100_000)))));
        createdId(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-2026-002", "supplierCode", "SUP-GD-1",
                "supplierName", "Guangdong Masks", "validFrom", from, "validUntil", until, "leadDays", 3, "expeditedLeadDays",
                1, "items", List.of(Map.of("itemCode", "MASK-N95", "unitPrice", 3.1, "capacityPerWeek", 100_000)))));
        assertEquals(2, buyer.get("/procurement/centre/agreements?itemCode=MASK-N95").json().get("items").size());
        assertEquals("FA-2026-001", buyer.get("/procurement/centre/agreements/" + cheap).json().get("code").asText());
        JsonNode offers = buyer.get("/procurement/centre/offers?itemCode=MASK-N95&quantity=1000&prefer=TIME").json();
        assertEquals("FA-2026-002", offers.get("items").get(0).get("agreementCode").asText());

        // an emergency procurement taken by the centre: single source, justification and approver recorded
        Api.Reply unjustified = buyer.post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "emergency", true,
                "agreementCode", "FA-2026-001", "approvedBy", "director-li", "lines", List.of(Map.of("lineRef", "1",
                        "itemCode", "MASK-N95", "quantity", 5000))));
        assertEquals(unjustified.toString(), 400, unjustified.status());
        assertEquals("justification", unjustified.json().get("field").asText());
        assertEquals(403, api().as("hubei-buyer").post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "emergency",
                true, "agreementCode", "FA-2026-001", "justification", WHY, "approvedBy", "director-li", "lines",
                List.of(Map.of("lineRef", "1", "itemCode", "MASK-N95", "quantity", 5000)))).status());
        Api.Reply emergency = buyer.post("/procurement/centre/orders", Map.of("orderRef", "EP-1", "buyerProvince", "42",
                "emergency", true, "agreementCode", "FA-2026-001", "justification", WHY, "approvedBy", "director-li",
                "lines", List.of(Map.of("lineRef", "1", "itemCode", "MASK-N95", "quantity", 5000))));
        long ep = createdId(emergency);
        JsonNode e = emergency.json();
        assertTrue(e.get("emergency").asBoolean());
        assertEquals(WHY, e.get("justification").asText());
        assertEquals("director-li", e.get("approvedBy").asText());
        assertEquals("FA-2026-001", e.get("lines").get(0).get("agreementCode").asText());
        assertEquals(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString(), e.get("promisedDate").asText());

        // the same through the SPI, as the platform's emergency order: single source, the fastest agreement
        Channel centre = channel("centre");
        ChannelQuote q = centre.quote(new QuoteRequest("RFQ-EP-2", List.of(new RequestLine("L1", "MASK-N95", null, 2000,
                null)), "42", null, true));
        assertTrue(q.note(), q.note().contains("FA-2026-002"));
        PlacedOrder viaSpi = centre.place(new ChannelOrder("PO-EP-2", q.quoteRef(), "CNY", List.of(new OrderLine("L1",
                "MASK-N95", 2000, new BigDecimal("3.1"), null)), "42", "Wuhan depot 1", true, WHY));
        JsonNode spiOrder = buyer.get("/procurement/centre/orders/" + viaSpi.channelOrderRef().substring(4)).json();
        assertTrue(spiOrder.get("emergency").asBoolean());
        assertEquals(WHY, spiOrder.get("justification").asText());
        assertEquals("Tongpao order PO-EP-2", spiOrder.get("approvedBy").asText());

        // progress reported by the centre's officer comes back through the SPI's pull
        String path = "/procurement/centre/orders/" + ep;
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "CONFIRMED", "note", "by phone")).status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "SHIPPED")).status());
        Api.Reply backwards = buyer.post(path + "/progress", Map.of("status", "CONFIRMED"));
        assertEquals(backwards.toString(), 409, backwards.status());
        assertEquals("status", backwards.json().get("field").asText());
        Api.Reply tooLate = buyer.post(path + "/cancellation", null);
        assertEquals(tooLate.toString(), 409, tooLate.status());
        assertEquals(200, buyer.post(path + "/progress", Map.of("status", "DELIVERED")).status());
        List<ProgressEvent> events = centre.progress(null).events();
        assertEquals(List.of(ProgressStatus.CONFIRMED, ProgressStatus.SHIPPED, ProgressStatus.DELIVERED),
                statuses(events, "PCC-" + ep));
        assertEquals("CANCELLED", buyer.post("/procurement/centre/orders/" + viaSpi.channelOrderRef().substring(4)
                + "/cancellation", Map.of("reason", "covered")).json().get("status").asText());
        assertTrue(buyer.get("/procurement/centre/orders").json().get("items").size() >= 2);
        assertEquals(1, api().as("hubei-buyer").get("/procurement/centre/orders?status=DELIVERED").json().get("items").size());

        // withdrawing an agreement re-registers the channel with what is left
        assertEquals("WITHDRAWN", buyer.post("/procurement/centre/agreements/" + cheap + "/withdrawal",
                Map.of("reason", "failed audit")).json().get("status").asText());
        assertNotNull(Poll.until("the centre's offer without FA-2026-001", Duration.ofSeconds(10),
                () -> Optional.of(channel("centre")).filter(c -> c.offer().lines().stream()
                        .anyMatch(l -> "MASK-N95".equals(l.itemCode()) && l.leadTimeDays() == 3))));
    }

    /**
     * Purchase orders of the orders code placed through the built-in channels: an emergency order (one approval with
     * its justification) through the centre, single source and expedited, and an order in KRW (at the rate the order
     * records) through the Korean import channel; the channels' progress lands on the purchase orders.
     */
    @Test
    public void aPurchaseOrderGoesThroughTheCentreAndThroughTheKoreanImportChannel() throws Exception {
        Api buyer = api().as("buyer");
        // the ministry's administrator acts as its buyer on the orders (funding lets it reach the ministry's lines)
        Api admin = api().as("admin");
        long item = idOf(api().as("admin").get("/items?q=MASK-MEDPROT"), "MASK-MEDPROT");
        long line = createdId(api().as("finance").post("/funding/budget-lines", Map.of("code", "SEF-CH-1", "name",
                "Special epidemic fund (channels)", "source", "SPECIAL_EPIDEMIC_FUND", "holder", "MINISTRY", "amount",
                new BigDecimal("1000000"))));
        long supplier = createdId(buyer.post("/procurement/suppliers", Map.of("code", "CH-SUP-1", "name",
                "Masks through the channels", "country", "CN", "contact", Map.of("name", "Li Na", "phone", "+86 27 0000 0000"),
                "qualifications", List.of(Map.of("itemId", item, "standard", "GB 19083-2010", "weeklyCapacity", 50_000,
                        "leadTimeDays", 2, "certificate", "CERT-CH-1")))));
        createdId(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-PO-1", "supplierCode", "CH-SUP-1",
                "supplierName", "Masks through the channels", "validFrom", LocalDate.now().minusDays(1).toString(),
                "validUntil", LocalDate.now().plusDays(90).toString(), "leadDays", 10, "expeditedLeadDays", 3, "items",
                List.of(Map.of("itemCode", "MASK-MEDPROT", "unitPrice", 2.5, "capacityPerWeek", 100_000)))));
        channel("centre");

        // emergency: one approval with its justification, placed through the centre
        long po = createdId(admin.post("/procurement/orders", purchase(supplier, line, item, "CNY", null, true, "centre",
                "2.50")));
        assertEquals(200, admin.post("/procurement/orders/" + po + "/submit", null).status());
        Api.Reply approved = admin.post("/procurement/orders/" + po + "/approve", Map.of("justification", WHY));
        assertEquals(approved.toString(), "APPROVED", approved.json().path("status").asText());
        JsonNode placed = admin.post("/procurement/orders/" + po + "/place", null).json();
        assertEquals(placed.toString(), "PLACED", placed.path("status").asText());
        String number = placed.path("number").asText();
        JsonNode atCentre = buyer.get("/procurement/centre/orders?status=PLACED").json().get("items");
        JsonNode centreOrder = null;
        for (JsonNode o : atCentre) {
            if (o.get("orderRef").asText().equals(number)) {
                centreOrder = buyer.get("/procurement/centre/orders/" + o.get("id").asLong()).json();
            }
        }
        assertNotNull(atCentre.toString(), centreOrder);
        assertTrue(centreOrder.get("emergency").asBoolean());
        // SPI 1.2: the channel is told who approved the order and the approval's justification
        assertEquals(centreOrder.toString(), WHY, centreOrder.get("justification").asText());
        assertEquals("admin (ministry-admin)", centreOrder.get("approvedBy").asText());
        assertEquals("FA-PO-1", centreOrder.get("lines").get(0).get("agreementCode").asText());
        // the centre's officer confirms: pushed to the platform, it lands on the purchase order
        assertEquals(200, buyer.post("/procurement/centre/orders/" + centreOrder.get("id").asLong() + "/progress",
                Map.of("status", "CONFIRMED", "note", "supplier confirmed")).status());
        progressed(admin, po, "CONFIRMED");

        // an order in KRW at the recorded rate, through import-krw
        createdId(buyer.post("/procurement/import/rates", Map.of("currency", "KRW", "rate", new BigDecimal("0.0052"),
                "asOf", Instant.now().minus(2, ChronoUnit.HOURS).toString())));
        createdId(buyer.post("/procurement/import/offers", Map.of("code", "KR-MEDPROT-1", "supplierName", "Seoul Mask Co.",
                "country", "KR", "itemCode", "MASK-MEDPROT", "currency", "KRW", "unitPrice", 1250, "incoterm", "CIF",
                "leadDays", 40, "capacityPerWeek", 500_000, "validUntil", LocalDate.now().plusDays(90).toString())));
        channel("import-krw");
        long krwPo = createdId(admin.post("/procurement/orders", purchase(supplier, line, item, "KRW",
                new BigDecimal("0.0052"), false, "import-krw", "1250")));
        admin.post("/procurement/orders/" + krwPo + "/submit", null);
        // not an emergency: two approvals by two different people
        Api.Reply first = admin.post("/procurement/orders/" + krwPo + "/approve", Map.of("justification", WHY));
        assertEquals(first.toString(), "SUBMITTED", first.json().path("status").asText());
        Api.Reply second = buyer.post("/procurement/orders/" + krwPo + "/approve", Map.of("justification", WHY));
        assertEquals(second.toString(), "APPROVED", second.json().path("status").asText());
        JsonNode krwPlaced = admin.post("/procurement/orders/" + krwPo + "/place", null).json();
        assertEquals(krwPlaced.toString(), "PLACED", krwPlaced.path("status").asText());
        String ref = krwPlaced.path("channelReference").asText();
        assertTrue(krwPlaced.toString(), ref.startsWith("IMP-"));
        String path = "/procurement/import/orders/" + ref.substring(4);
        JsonNode imported = buyer.get(path).json();
        assertEquals(0, new BigDecimal("1250000").compareTo(imported.get("amount").decimalValue()));
        assertEquals(0, new BigDecimal("6500.00").compareTo(imported.get("cnyAtOrder").decimalValue()));
        buyer.post(path + "/progress", Map.of("status", "CONFIRMED"));
        buyer.post(path + "/progress", Map.of("status", "SHIPPED"));
        assertEquals("AT_CUSTOMS", buyer.post(path + "/customs", Map.of("step", "DECLARED", "reference", "DECL-PO-1"))
                .json().get("status").asText());
        progressed(admin, krwPo, "AT_CUSTOMS");
    }

    /**
     * A quote from the centre stored and turned into a draft purchase order in one call (idempotent, once per quote),
     * the draft changed under If-Match (412 when stale, 409 once submitted), and the centre told who approved it.
     */
    @Test
    public void aQuoteBecomesADraftEditedUnderIfMatchAndTheCentreLearnsItsApprovers() throws Exception {
        Api buyer = api().as("buyer");
        Api admin = api().as("admin");
        long item = idOf(admin.get("/items?q=SUIT-MEDPROT"), "SUIT-MEDPROT");
        long line = createdId(api().as("finance").post("/funding/budget-lines", Map.of("code", "SEF-Q-1", "name",
                "Special epidemic fund (quotes)", "source", "SPECIAL_EPIDEMIC_FUND", "holder", "MINISTRY", "amount",
                new BigDecimal("1000000"))));
        long supplier = createdId(buyer.post("/procurement/suppliers", Map.of("code", "Q-SUP-1", "name",
                "Protective suits", "country", "CN", "qualifications", List.of(Map.of("itemId", item, "standard",
                        "GB 19082-2009", "weeklyCapacity", 20_000, "leadTimeDays", 3)))));
        createdId(buyer.post("/procurement/centre/agreements", Map.of("code", "FA-Q-1", "supplierCode", "Q-SUP-1",
                "supplierName", "Protective suits", "validFrom", LocalDate.now().minusDays(1).toString(), "validUntil",
                LocalDate.now().plusDays(90).toString(), "leadDays", 10, "expeditedLeadDays", 3, "items",
                List.of(Map.of("itemCode", "SUIT-MEDPROT", "unitPrice", new BigDecimal("48.50"), "capacityPerWeek",
                        20_000)))));
        channel("centre");

        Api.Reply asked = buyer.header("Idempotency-Key", "rfq-q-1").post("/procurement/channels/centre/quotes",
                Map.of("deliverToProvince", "42", "lines", List.of(Map.of("itemCode", "SUIT-MEDPROT", "quantity", 400))));
        assertEquals(asked.toString(), 201, asked.status());
        long quoteId = asked.json().get("id").asLong();
        JsonNode quote = buyer.get("/procurement/quotes/" + quoteId).json();
        assertEquals(0, new BigDecimal("48.50").compareTo(quote.get("lines").get(0).get("unitPrice").decimalValue()));
        String deliverBy = quote.get("lines").get(0).get("deliverBy").asText();
        assertEquals(404, api().as("hubei-buyer").get("/procurement/quotes/" + quoteId).status());

        // one call drafts the order from the quote (the lines named, 1.3); a retry answers the same order, another
        // key finds it ordered; a line the quote lacks is a 400 naming it
        String lineRef = quote.get("lines").get(0).get("lineRef").asText();
        Map<String, Object> toOrder = Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"), "budgetLineId", line,
                "lines", List.of(lineRef));
        String orderPath = "/procurement/quotes/" + quoteId + "/order";
        Api.Reply noSuchLine = admin.post(orderPath, Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"),
                "budgetLineId", line, "lines", List.of(lineRef, "NO-SUCH-LINE")));
        assertEquals(noSuchLine.toString(), 400, noSuchLine.status());
        assertEquals("lines[1]", noSuchLine.json().get("field").asText());
        Api.Reply drafted = admin.header("Idempotency-Key", "q-order-1").post(orderPath, toOrder);
        assertEquals(drafted.toString(), 201, drafted.status());
        JsonNode draft = drafted.json();
        long po = draft.get("id").asLong();
        assertEquals("DRAFT", draft.get("status").asText());
        assertEquals("centre", draft.get("channelId").asText());
        assertEquals(quote.get("quoteRef").asText(), draft.get("quoteRef").asText());
        assertEquals(quoteId, draft.get("quoteId").asLong());
        assertEquals(400, draft.get("lines").get(0).get("quantity").asLong());
        assertEquals(deliverBy, draft.get("lines").get(0).get("promisedDate").asText());
        assertEquals(0, new BigDecimal("19400.00").compareTo(draft.get("totalAmount").decimalValue()));
        assertEquals(po, createdId(admin.header("Idempotency-Key", "q-order-1").post(orderPath, toOrder)));
        Api.Reply again = admin.header("Idempotency-Key", "q-order-2").post(orderPath, toOrder);
        assertEquals(again.toString(), 409, again.status());
        assertEquals("quoteId", again.json().get("field").asText());
        // the quote list: ORDERED now, scoped as orders are, filters checked; the same through the service
        assertTrue(quoteIds(buyer.get("/procurement/quotes?status=ORDERED&channel=centre")).contains(quoteId));
        assertFalse(quoteIds(buyer.get("/procurement/quotes?status=OPEN")).contains(quoteId));
        assertFalse(quoteIds(api().as("hubei-buyer").get("/procurement/quotes")).contains(quoteId));
        Api.Reply badStatus = buyer.get("/procurement/quotes?status=SOON");
        assertEquals(badStatus.toString(), 400, badStatus.status());
        assertEquals("status", badStatus.json().get("field").asText());
        assertTrue(procurement.quotes(Caller.system("it"), new QuoteFilter("centre", QuoteStatus.ORDERED, null), 500,
                null).items().stream().anyMatch(q -> q.id() == quoteId && q.orderId() == po));
        Api.Reply incomplete = admin.post(orderPath, Map.of("depotId", depot("HB-WH-01"), "budgetLineId", line));
        assertEquals(incomplete.toString(), 400, incomplete.status());
        assertEquals("supplierId", incomplete.json().get("field").asText());

        // the draft changed at the version read; a stale version is 412, no version 400, and nothing changes
        long version = draft.get("version").asLong();
        Map<String, Object> edited = Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"), "budgetLineId", line,
                "currency", "CNY", "channelId", "centre", "note", "two deliveries", "lines", List.of(Map.of("itemId", item,
                        "quantity", 300, "unitPrice", new BigDecimal("48.50"), "promisedDate", deliverBy)));
        Api.Reply unversioned = admin.put("/procurement/orders/" + po, edited);
        assertEquals(unversioned.toString(), 400, unversioned.status());
        assertEquals("If-Match", unversioned.json().get("field").asText());
        Api.Reply changed = admin.header("If-Match", "\"" + version + "\"").put("/procurement/orders/" + po, edited);
        assertEquals(changed.toString(), 200, changed.status());
        assertEquals(300, changed.json().get("lines").get(0).get("quantity").asLong());
        assertEquals("two deliveries", changed.json().get("note").asText());
        assertEquals(quote.get("quoteRef").asText(), changed.json().get("quoteRef").asText());
        assertTrue(changed.json().get("version").asLong() > version);
        Map<String, Object> tiny = Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"), "budgetLineId", line,
                "currency", "CNY", "lines", List.of(Map.of("itemId", item, "quantity", 1, "unitPrice", 1, "promisedDate",
                        deliverBy)));
        Api staleEdit = admin.header("Idempotency-Key", "edit-stale-1").header("If-Match", "\"" + version + "\"");
        for (int i = 0; i < 2; i++) { // a 412 is not kept as the key's answer: the retry is 412 again, not a 409
            Api.Reply stale = staleEdit.put("/procurement/orders/" + po, tiny);
            assertEquals(stale.toString(), 412, stale.status());
            assertTrue(stale.toString(), stale.contentType().startsWith("application/problem+json"));
        }
        assertEquals(300, admin.get("/procurement/orders/" + po).json().get("lines").get(0).get("quantity").asLong());
        long current = changed.json().get("version").asLong();
        // read again, the request with the current version goes through under the same key
        Api.Reply reread = admin.header("Idempotency-Key", "edit-stale-1").header("If-Match", "\"" + current + "\"")
                .put("/procurement/orders/" + po, edited);
        assertEquals(reread.toString(), 200, reread.status());
        assertEquals(404, api().as("jiangsu-buyer").header("If-Match", "\"" + current + "\"")
                .put("/procurement/orders/" + po, edited).status());

        // submitted, it is no longer a draft; two approvals; placed, the centre records both approvers
        assertEquals(200, admin.post("/procurement/orders/" + po + "/submit", null).status());
        Api.Reply late = admin.header("If-Match", "\"" + admin.get("/procurement/orders/" + po).json().get("version")
                .asLong() + "\"").put("/procurement/orders/" + po, edited);
        assertEquals(late.toString(), 409, late.status());
        assertEquals("status", late.json().get("field").asText());
        assertEquals(200, admin.post("/procurement/orders/" + po + "/approve", null).status());
        Api.Reply approved = buyer.post("/procurement/orders/" + po + "/approve", Map.of("justification", "price as agreed"));
        assertEquals(approved.toString(), "APPROVED", approved.json().path("status").asText());
        JsonNode placed = admin.post("/procurement/orders/" + po + "/place", null).json();
        assertEquals(placed.toString(), "PLACED", placed.path("status").asText());
        JsonNode atCentre = buyer.get("/procurement/centre/orders/" + placed.path("channelReference").asText()
                .substring(4)).json();
        assertEquals(placed.path("number").asText(), atCentre.get("orderRef").asText());
        assertEquals("admin (ministry-admin), buyer (procurement-officer)", atCentre.get("approvedBy").asText());
        assertTrue(atCentre.toString(), atCentre.path("justification").isNull() || atCentre.path("justification").isMissingNode());
    }

    private static List<Long> quoteIds(Api.Reply page) {
        assertEquals(page.toString(), 200, page.status());
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(q -> ids.add(q.get("id").asLong()));
        return ids;
    }

    private Map<String, Object> purchase(long supplier, long line, long item, String currency, BigDecimal rate,
            boolean emergency, String channelId, String price) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("supplierId", supplier, "depotId", depot("HB-WH-01"),
                "budgetLineId", line, "currency", currency, "emergency", emergency, "channelId", channelId, "lines",
                List.of(Map.of("itemId", item, "quantity", 1000, "unitPrice", new BigDecimal(price), "promisedDate",
                        LocalDate.now().plusDays(60).toString()))));
        if (emergency) {
            body.put("justification", WHY);
            body.put("note", WHY);
        }
        if (rate != null) {
            body.put("exchangeRate", rate);
        }
        return body;
    }

    /** Waits until the purchase order's progress shows {@code kind} (pushed by the channel, or pulled on demand). */
    private static void progressed(Api buyer, long po, String kind) {
        Poll.until("purchase order " + po + " progress " + kind, Duration.ofSeconds(20), () -> {
            String channels = buyer.get("/procurement/orders/" + po).json().path("channelId").asText();
            buyer.post("/procurement/channels/" + channels + "/poll", null);
            return Optional.of(buyer.get("/procurement/orders/" + po + "/progress").body()).filter(b -> b.contains(kind));
        });
    }

    private static long idOf(Api.Reply list, String code) {
        assertEquals(list.toString(), 200, list.status());
        for (JsonNode n : list.json().get("items")) {
            if (code.equals(n.path("code").asText())) {
                return n.path("id").asLong();
            }
        }
        throw new AssertionError("no " + code + " in " + list);
    }
}
