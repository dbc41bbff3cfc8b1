package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.tongpao.core.partners.PartnerFailure;
import org.tongpao.procurement.api.Channel;
import org.tongpao.procurement.api.ChannelException;
import org.tongpao.procurement.api.ChannelOffer;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
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
import org.tongpao.procurement.api.SupplyOrigin;

/**
 * Procurement channels in the central install (tongpao-procurement): a channel registered at run time from this
 * test bundle is listed with its offer, quoted and ordered through the gateway the orders code uses and through
 * REST, its progress pushed (REST and the bundle's ProgressSink) and pulled, kept while no order matches it; a
 * channel that hangs is cut off by the time limit while another answers. The centre stream adds its methods here.
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
            assertEquals(quote.toString(), 200, quote.status());
            assertEquals(0, new BigDecimal("2.35").compareTo(quote.json().get("lines").get(0).get("unitPrice").decimalValue()));
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
            assertEquals(quick.toString(), 200, quick.status());
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
}
