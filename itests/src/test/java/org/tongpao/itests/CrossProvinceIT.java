package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The cross-province check, generated from the served OpenAPI document, so a new endpoint is covered
 * without anyone remembering to add it. Real data is seeded through the API in Hubei (42) and Jiangsu (32);
 * then every operation of the document is called as each province officer, once per id it names (path,
 * query or body, nested too) with the other province's real id in that one place and the caller's own
 * ids elsewhere, and again with an id that does not exist. Each such answer must be no 2xx, the same
 * status and problem (type, title, field, detail but for the id) as the unknown id's, a 404 (or a 403 the
 * caller's role gets anyway, or a 400 about that very field), and no answer may name the other province's
 * depot or unit codes. Auditors get 403 on every write, anonymous callers 401 on every operation but the
 * public ones.
 * <p>
 * What an id is comes from names: the path segment before a path parameter ({@code /depots/{id}}), a
 * body property or query parameter ({@code fromDepotId}). A name the test does not know fails the test,
 * naming the operation: map it in {@link #PATH_KINDS} or {@link #FIELD_KINDS}. Nothing is skipped silently.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CrossProvinceIT {

    private static final int HTTP_PORT = TongpaoContainer.freePort();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** An id no table reaches in this test run. */
    private static final long UNKNOWN = 987_654_321L;

    /** What an id names. Scoped kinds belong to a province; the others are national or public data. */
    enum Kind {
        UNIT(true), DEPOT(true), LOT(true), POSTING(true), TRANSFER(true), RESERVATION(true), NEED(true),
        PLAN(true), BATCH(true), LINE(true), OFFER(true), SHIPMENT(true), BUDGET_LINE(true),
        /** A province's own supplier, purchase order and order line (procurement). */
        SUPPLIER(true), ORDER(true), ORDER_LINE(true), PASS(true),
        /** The code a printed entry pass carries: public by design (anyone holding the paper may verify it). */
        PASS_CODE(false),
        ITEM(false), PROVINCE(false), CENSUS(false), KEY_AREA(false), CARRIER(false),
        /** A procurement channel (national, like a carrier), and a channel's own id of a progress event. */
        CHANNEL(false), CHANNEL_EVENT(false),
        /**
         * A parked federation message. It belongs to a link, but making one per province needs a node sending
         * through the broker: who sees and retries which link's messages is FederationIT's and InboxTest's; here
         * an id no message has, so the walk checks roles and leaks only.
         */
        PARKED(false),
        /**
         * Agreements, offers, standards and orders of the built-in procurement channels: a province officer's role
         * reaches none of them (403), so the walk checks roles and leaks with an id nothing has.
         */
        CHANNEL_RECORD(false),
        /**
         * What a spreadsheet import imports ({@code /imports/{kind}}): a word, not a record. Each officer uses
         * {@code depots}, whose export lists only the depots of the caller's province (a leak fails the walk).
         */
        IMPORT_KIND(false),
        /** A province desk's donor, donation (pledge), a donation's line and a receipt of donated goods. */
        DONOR(true), DONATION(true), DONATION_LINE(true), DONATION_RECEIPT(true),
        /** A channel's quote stored for a province's buyer (procurement 1.1). */
        QUOTE(true);

        final boolean scoped;

        Kind(boolean scoped) {
            this.scoped = scoped;
        }
    }

    /** The path segment before a path parameter, e.g. {@code /inventory/lots/{id}}. */
    static final Map<String, Kind> PATH_KINDS = Map.ofEntries(Map.entry("units", Kind.UNIT),
            Map.entry("depots", Kind.DEPOT), Map.entry("items", Kind.ITEM), Map.entry("provinces", Kind.PROVINCE),
            Map.entry("lots", Kind.LOT), Map.entry("postings", Kind.POSTING), Map.entry("transfers", Kind.TRANSFER),
            Map.entry("reservations", Kind.RESERVATION), Map.entry("census", Kind.CENSUS),
            Map.entry("carriers", Kind.CARRIER), Map.entry("shipments", Kind.SHIPMENT),
            Map.entry("batches", Kind.BATCH), Map.entry("lines", Kind.LINE), Map.entry("mutual-aid", Kind.OFFER),
            Map.entry("plans", Kind.PLAN), Map.entry("needs", Kind.NEED), Map.entry("key-areas", Kind.KEY_AREA),
            Map.entry("parked", Kind.PARKED), Map.entry("rebuild", Kind.PROVINCE),
            Map.entry("channels", Kind.CHANNEL), Map.entry("budget-lines", Kind.BUDGET_LINE),
            Map.entry("suppliers", Kind.SUPPLIER), Map.entry("orders", Kind.ORDER),
            Map.entry("agreements", Kind.CHANNEL_RECORD), Map.entry("offers", Kind.CHANNEL_RECORD),
            Map.entry("standards", Kind.CHANNEL_RECORD), Map.entry("passes", Kind.PASS),
            Map.entry("verify", Kind.PASS_CODE), Map.entry("imports", Kind.IMPORT_KIND),
            // /donations/{id} and the public /public/donations/{donorCode}: a code answers 404 for any donation id
            Map.entry("donations", Kind.DONATION), Map.entry("donors", Kind.DONOR),
            Map.entry("receipts", Kind.DONATION_RECEIPT), Map.entry("quotes", Kind.QUOTE));

    /** Body properties and query parameters that carry an id. */
    static final Map<String, Kind> FIELD_KINDS = Map.ofEntries(Map.entry("depotId", Kind.DEPOT),
            Map.entry("fromDepotId", Kind.DEPOT), Map.entry("toDepotId", Kind.DEPOT), Map.entry("toOrgUnitId", Kind.UNIT),
            Map.entry("receivingDepotId", Kind.DEPOT), Map.entry("sourceDepotIds", Kind.DEPOT),
            Map.entry("depot", Kind.DEPOT), Map.entry("orgUnitId", Kind.UNIT), Map.entry("parentId", Kind.UNIT),
            Map.entry("parent", Kind.UNIT), Map.entry("unit", Kind.UNIT), Map.entry("lotId", Kind.LOT),
            Map.entry("lot", Kind.LOT), Map.entry("itemId", Kind.ITEM), Map.entry("item", Kind.ITEM),
            Map.entry("needId", Kind.NEED), Map.entry("batchId", Kind.BATCH), Map.entry("batch", Kind.BATCH),
            Map.entry("lineId", Kind.LINE), Map.entry("planId", Kind.PLAN), Map.entry("offerId", Kind.OFFER),
            Map.entry("shipmentId", Kind.SHIPMENT), Map.entry("reservationId", Kind.RESERVATION),
            Map.entry("transferId", Kind.TRANSFER), Map.entry("postingId", Kind.POSTING),
            Map.entry("carrierId", Kind.CARRIER), Map.entry("carrier", Kind.CARRIER),
            Map.entry("keyAreaId", Kind.KEY_AREA), Map.entry("censusId", Kind.CENSUS),
            Map.entry("channelId", Kind.CHANNEL), Map.entry("eventId", Kind.CHANNEL_EVENT),
            Map.entry("supplierId", Kind.SUPPLIER), Map.entry("supplier", Kind.SUPPLIER),
            Map.entry("budgetLineId", Kind.BUDGET_LINE), Map.entry("orderLineId", Kind.ORDER_LINE),
            // inventory 1.6: where a provenance's goods came from (answers of .../received and .../origins)
            Map.entry("rootLotId", Kind.LOT), Map.entry("rootDepotId", Kind.DEPOT),
            Map.entry("donorId", Kind.DONOR), Map.entry("donor", Kind.DONOR), Map.entry("donationId", Kind.DONATION),
            Map.entry("donationLineId", Kind.DONATION_LINE), Map.entry("quoteId", Kind.QUOTE));

    /**
     * Operations every caller may call without credentials. Anything else answering an anonymous caller
     * without 401 fails the test.
     */
    static final Set<String> PUBLIC = Set.of("GET /health", "GET /openapi.json", "GET /openapi.yaml",
            "GET /passes/verify/{code}", "GET /public/donations/{donorCode}", "GET /public/donations/disclosure");

    /**
     * The browser's login and logout: public, and they change no data (a wrong login is 401 and counts as a failed
     * login, a logout without a session only clears the cookie). DashboardIT and SessionHttpTest check them; the
     * auditor and anonymous walks leave them out.
     */
    static final Set<String> SESSION = Set.of("POST /session", "DELETE /session");

    /**
     * Operation and id slots whose check a state rule answers first, the same for every id (so nothing leaks),
     * with the reason. Everything else must reach the id check: 404, a role's 403, or a 400 about that id.
     */
    static final Map<String, String> NOT_REACHED = Map.of(
            "POST /shipments toDepotId", "with a batchId the batch's lines decide the depots: a depot on no line of "
                    + "the batch is 400 'no line between these depots', the same for every id");

    /** The NOT_REACHED entries the walk needed. */
    private static final Set<String> ALLOW_LISTED_SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Configuration
    public Option[] config() {
        return TongpaoContainer.options("central", HTTP_PORT);
    }

    private static Api api() {
        return Api.at(Integer.getInteger("tongpao.http.port"));
    }

    @Before
    public void everyCapabilityIsMounted() {
        Poll.status("/units", 401, () -> api().get("/units"));
        Poll.status("/inventory/lots", 401, () -> api().get("/inventory/lots"));
        Poll.status("/needs", 401, () -> api().get("/needs"));
        Poll.status("/shipments", 401, () -> api().get("/shipments"));
    }

    // ---------------------------------------------------------------- the tests

    @Test
    public void noProvinceOfficerReadsChangesOrLearnsAboutTheOtherProvincesData() {
        World world = World.get();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int probes = 0;
        for (Province caller : List.of(world.hubei, world.jiangsu)) {
            Province other = caller == world.hubei ? world.jiangsu : world.hubei;
            for (Operation op : world.operations) {
                operations++;
                probes += probe(world, op, caller, other, failures);
            }
        }
        System.out.printf("CrossProvinceIT: %d operations of the OpenAPI document walked as each province officer, "
                + "%d calls in all%n", world.operations.size(), probes);
        assertTrue("no operations in the document", operations > 0);
        // an allow-list entry nothing needs any more is removed, not kept "just in case"
        Set<String> stale = new java.util.TreeSet<>(NOT_REACHED.keySet());
        stale.removeAll(ALLOW_LISTED_SEEN);
        if (!stale.isEmpty()) {
            failures.add("allow-listed but reached like any other id now, remove from NOT_REACHED: " + stale);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " cross-province failures:\n" + String.join("\n", failures));
        }
    }

    @Test
    public void auditorsChangeNothing() {
        World world = World.get();
        Api auditor = api().as("auditor");
        List<String> failures = new ArrayList<>();
        int writes = 0;
        for (Operation op : world.operations) {
            if (op.method.equals("GET") || SESSION.contains(op.key())) {
                continue;
            }
            writes++;
            Api.Reply r = op.call(auditor, world, world.hubei, null, null);
            if (r.status() != 403) {
                failures.add(op + " as auditor: " + r);
            }
        }
        System.out.printf("CrossProvinceIT: %d write operations refused to the auditor%n", writes);
        assertTrue("no write operations in the document", writes > 0);
        assertTrue(failures.size() + " auditor writes not refused:\n" + String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void anonymousCallersGet401EverywhereButThePublicOperations() {
        World world = World.get();
        Api anonymous = api();
        List<String> failures = new ArrayList<>();
        for (Operation op : world.operations) {
            if (SESSION.contains(op.key())) {
                continue;
            }
            Api.Reply r = op.call(anonymous, world, world.hubei, null, null);
            boolean pub = PUBLIC.contains(op.key());
            if (pub ? r.status() == 401 : r.status() != 401 || r.wwwAuthenticate() == null) {
                failures.add(op + " anonymous: " + r);
            }
        }
        assertTrue(failures.size() + " anonymous calls:\n" + String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void aShipmentWithoutABatchNamesOnlyDepotsInTheCallersScope() {
        // the generated walk books with the caller's batch, whose lines decide the depots; this is the other way
        World world = World.get();
        Api hubei = api().as("hubei");
        Object own = world.hubei.id(Kind.DEPOT);
        Object other = world.jiangsu.id(Kind.DEPOT);
        for (String field : List.of("fromDepotId", "toDepotId")) {
            Map<String, Object> a = new java.util.HashMap<>(Map.of("fromDepotId", own, "toDepotId", own,
                    "carrierId", "fleet", "packages", 1, "weightKg", 1));
            Map<String, Object> u = new java.util.HashMap<>(a);
            a.put(field, other);
            u.put(field, UNKNOWN);
            Api.Reply ra = hubei.post("/shipments", a);
            Api.Reply ru = hubei.post("/shipments", u);
            assertEquals(ra.toString(), 404, ra.status());
            assertEquals(field, ra.json().path("field").asText());
            assertEquals(null, sameProblem(ra, other, ru, UNKNOWN));
            List<String> failures = new ArrayList<>();
            leaks("POST /shipments " + field, ra, world.jiangsu, failures);
            assertTrue(failures.toString(), failures.isEmpty());
        }
    }

    // ---------------------------------------------------------------- one operation as one officer

    /** Calls {@code op} as {@code caller}'s officer, once per id it names; returns the number of calls checked. */
    private static int probe(World world, Operation op, Province caller, Province other, List<String> failures) {
        Api officer = api().as(caller.user);
        List<Slot> slots = op.slots(world);
        int probes = 0;
        List<Slot> scoped = slots.stream().filter(s -> s.kind.scoped).toList();
        if (scoped.isEmpty()) {
            Api.Reply own = op.call(officer, world, caller, null, null);
            probes++;
            if (own.status() >= 500) {
                failures.add(op + " as " + caller.user + ": " + own);
            }
            leaks(op + " as " + caller.user, own, other, failures);
            return probes;
        }
        for (Slot slot : scoped) {
            Object otherId = other.id(slot.kind);
            Api.Reply a = op.call(officer, world, caller, slot, otherId);
            Api.Reply u = op.call(officer, world, caller, slot, UNKNOWN);
            probes += 2;
            String what = op + " as " + caller.user + " with " + other.user + "'s " + slot + "=" + otherId;
            leaks(what, a, other, failures);
            if (slot.query) {
                // a list filtered by another province's id: the same answer as for an unknown id
                if (a.status() != u.status() || a.status() / 100 == 2 && count(a) != count(u)) {
                    failures.add(what + ": " + a + " but for an unknown id: " + u);
                }
                continue;
            }
            if (a.status() / 100 == 2) {
                failures.add(what + ": " + a.status() + " " + a.body());
                continue;
            }
            String diff = sameProblem(a, otherId, u, UNKNOWN);
            if (diff != null) {
                failures.add(what + ": answers unlike an unknown id (" + diff + "): " + a + " / unknown: " + u);
                continue;
            }
            int s = a.status();
            String field = a.json().path("field").asText(null);
            boolean aboutTheSlot = field != null && slot.field() != null && slot.bareField().endsWith(field);
            boolean reached = s == 404 || s == 403 || s == 400 && aboutTheSlot;
            boolean exercised = reached || NOT_REACHED.containsKey(op.key() + " " + slot);
            if (!reached && exercised) {
                ALLOW_LISTED_SEEN.add(op.key() + " " + slot);
                System.out.printf("CrossProvinceIT: allow-listed %s %s: %d%n", op.key(), slot, s);
            }
            if (!exercised) {
                failures.add(what + ": not exercised (the body or the state failed before the id was checked; fix "
                        + "the body builder or the seed): " + a);
            }
            if (s == 404 && slot.field() != null && !aboutTheSlot) {
                failures.add(what + ": a body id's 404 names the field " + slot.field() + ": " + a);
            }
        }
        return probes;
    }

    /** Null when both answers are the same problem but for the id; else what differs. */
    static String sameProblem(Api.Reply a, Object aId, Api.Reply u, Object uId) {
        if (a.status() != u.status()) {
            return "status " + a.status() + " vs " + u.status();
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            return "content type " + a.contentType();
        }
        JsonNode pa = a.json();
        JsonNode pu = u.json();
        for (String k : List.of("type", "title", "status", "field")) {
            if (!pa.path(k).equals(pu.path(k))) {
                return k + " " + pa.path(k) + " vs " + pu.path(k);
            }
        }
        Set<String> ka = new TreeSet<>();
        pa.fieldNames().forEachRemaining(ka::add);
        Set<String> ku = new TreeSet<>();
        pu.fieldNames().forEachRemaining(ku::add);
        if (!ka.equals(ku)) {
            return "members " + ka + " vs " + ku;
        }
        // the unknown id's detail, with the other id put where it named the unknown one
        String da = pa.path("detail").asText("");
        String du = pu.path("detail").asText("").replace(String.valueOf(uId), String.valueOf(aId));
        return da.equals(du) ? null : "detail '" + da + "' vs '" + du + "'";
    }

    /**
     * The other province's depot and unit codes must appear in no answer, nor its seeded ids in any id
     * property ({@code depotId}, {@code lotId}, …) of a successful one.
     */
    private static void leaks(String what, Api.Reply r, Province other, List<String> failures) {
        Matcher m = other.codes.matcher(r.body() == null ? "" : r.body());
        if (m.find()) {
            failures.add(what + ": the answer names " + m.group() + ": " + r);
        }
        if (r.status() / 100 == 2 && r.contentType().contains("json")) {
            String id = otherIds(r.json(), other);
            if (id != null) {
                failures.add(what + ": the answer holds " + other.user + "'s " + id + ": " + r);
            }
        }
    }

    private static String otherIds(JsonNode n, Province other) {
        if (n.isArray()) {
            for (JsonNode e : n) {
                String found = otherIds(e, other);
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                Kind k = FIELD_KINDS.get(e.getKey());
                if (k != null && k.scoped && e.getValue().isNumber()
                        && e.getValue().asLong() == ((Number) other.id(k)).longValue()) {
                    return e.getKey() + "=" + e.getValue();
                }
                String found = otherIds(e.getValue(), other);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int count(Api.Reply r) {
        JsonNode n = r.json();
        return items(n).size();
    }

    /** A list as a bare array or in the {@code {"items": [...]}} envelope. */
    static JsonNode items(JsonNode n) {
        return n.isArray() ? n : n.path("items");
    }

    // ---------------------------------------------------------------- the document

    /** One id an operation names: a path or query parameter, or a (nested) body property. */
    record Slot(Kind kind, String pathParam, String queryParam, List<Object> bodyPath, boolean query) {
        String field() {
            if (bodyPath == null) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (Object p : bodyPath) {
                if (p instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(p);
                }
            }
            return sb.toString();
        }

        /** The field as a problem names it: an array of ids is named without its index. */
        String bareField() {
            return field() == null ? null : field().replaceAll("\\[\\d+]$", "");
        }

        @Override
        public String toString() {
            return pathParam != null ? "{" + pathParam + "}" : queryParam != null ? "?" + queryParam : field();
        }
    }

    /** One operation of the document. */
    static final class Operation {
        final String method;
        final String path;
        final JsonNode node;
        final JsonNode doc;

        Operation(String method, String path, JsonNode node, JsonNode doc) {
            this.method = method;
            this.path = path;
            this.node = node;
            this.doc = doc;
        }

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> out = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                JsonNode param = resolve(doc, p);
                if (in.equals(param.path("in").asText())) {
                    out.add(param);
                }
            });
            return out;
        }

        JsonNode bodySchema() {
            JsonNode content = resolve(doc, node.path("requestBody")).path("content");
            JsonNode json = content.path("application/json");
            if (json.isMissingNode()) {
                Iterator<JsonNode> any = content.elements();
                json = any.hasNext() ? any.next() : json;
            }
            return json.path("schema");
        }

        /** Every id this operation names, each with its kind; an unknown id name fails the test. */
        List<Slot> slots(World world) {
            List<Slot> out = new ArrayList<>();
            for (JsonNode p : parameters("path")) {
                out.add(new Slot(pathKind(p.path("name").asText()), p.path("name").asText(), null, null, false));
            }
            for (JsonNode p : parameters("query")) {
                Kind k = FIELD_KINDS.get(p.path("name").asText());
                if (k != null) {
                    out.add(new Slot(k, null, p.path("name").asText(), null, true));
                }
            }
            JsonNode schema = bodySchema();
            if (!schema.isMissingNode()) {
                JsonNode sample = world.body(this, schema, world.hubei);
                collectBodySlots(sample, new ArrayList<>(), out);
            }
            return out;
        }

        private void collectBodySlots(JsonNode n, List<Object> at, List<Slot> out) {
            if (n.isObject()) {
                n.fields().forEachRemaining(e -> {
                    List<Object> next = new ArrayList<>(at);
                    next.add(e.getKey());
                    Kind k = FIELD_KINDS.get(e.getKey());
                    if (k != null && e.getValue().isArray()) {
                        next.add(0);
                        out.add(new Slot(k, null, null, next, false));
                    } else if (k != null) {
                        out.add(new Slot(k, null, null, next, false));
                    } else {
                        collectBodySlots(e.getValue(), next, out);
                    }
                });
            } else if (n.isArray() && n.size() > 0) {
                List<Object> next = new ArrayList<>(at);
                next.add(0);
                collectBodySlots(n.get(0), next, out);
            }
        }

        private Kind pathKind(String param) {
            String[] segments = path.split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + param + "}")) {
                    Kind k = PATH_KINDS.get(segments[i - 1]);
                    if (k == null) {
                        throw new AssertionError(key() + ": no id kind for path segment '" + segments[i - 1]
                                + "': map it in CrossProvinceIT.PATH_KINDS");
                    }
                    return k;
                }
            }
            throw new AssertionError(key() + ": path parameter " + param + " is not in the path");
        }

        /** Calls the operation as {@code api}, with {@code own}'s ids everywhere but {@code slot} (may be null). */
        Api.Reply call(Api api, World world, Province own, Slot slot, Object slotValue) {
            String url = path;
            for (JsonNode p : parameters("path")) {
                String name = p.path("name").asText();
                Object v = slot != null && name.equals(slot.pathParam) ? slotValue : own.id(pathKind(name));
                url = url.replace("{" + name + "}", enc(String.valueOf(v)));
            }
            List<String> query = new ArrayList<>();
            for (JsonNode p : parameters("query")) {
                String name = p.path("name").asText();
                if (slot != null && name.equals(slot.queryParam)) {
                    query.add(name + "=" + enc(String.valueOf(slotValue)));
                } else if (p.path("required").asBoolean()) {
                    query.add(name + "=" + enc(world.queryValue(this, name, resolve(doc, p.path("schema")), own)));
                }
            }
            if (!query.isEmpty()) {
                url += "?" + String.join("&", query);
            }
            JsonNode schema = bodySchema();
            if (schema.isMissingNode()) {
                return api.send(method, url, null, null);
            }
            JsonNode body = world.body(this, schema, own);
            if (slot != null && slot.bodyPath != null) {
                set(body, slot.bodyPath, JSON.valueToTree(slotValue));
            }
            String text = body.isTextual() ? body.asText() : body.toString();
            return api.send(method, url, text, "application/json");
        }

        private static void set(JsonNode root, List<Object> path, JsonNode value) {
            JsonNode n = root;
            for (int i = 0; i < path.size() - 1; i++) {
                Object p = path.get(i);
                n = p instanceof Integer idx ? n.get(idx) : n.get((String) p);
            }
            Object last = path.get(path.size() - 1);
            if (last instanceof Integer idx) {
                ((ArrayNode) n).set(idx, value);
            } else {
                ((ObjectNode) n).set((String) last, value);
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode resolve(JsonNode doc, JsonNode n) {
        JsonNode cur = n;
        for (int i = 0; i < 10 && cur.has("$ref"); i++) {
            String ref = cur.get("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            cur = target;
        }
        return cur;
    }

    // ---------------------------------------------------------------- the seeded world

    /** One province's officer and the real ids of its data. */
    static final class Province {
        final String code;
        final String user;
        final String depotPrefix;
        final Pattern codes;
        final Map<Kind, Object> ids = new EnumMap<>(Kind.class);
        /** Own ids for a body field that must differ from its kind's usual id (a transfer's destination). */
        final Map<String, Object> fieldIds = new java.util.HashMap<>();

        Province(String code, String user, String depotPrefix) {
            this.code = code;
            this.user = user;
            this.depotPrefix = depotPrefix;
            // its depot codes (HB-…, JS-…) and unit codes (P42, P42-…), as whole tokens
            this.codes = Pattern.compile("(?<![A-Za-z0-9-])(" + depotPrefix + "-[A-Z0-9-]+|P" + code
                    + "(-[A-Z0-9-]+)?)(?![A-Za-z0-9-])");
        }

        Object id(Kind k) {
            Object v = ids.get(k);
            if (v == null) {
                throw new AssertionError("the seed has no " + k + " of province " + code);
            }
            return v;
        }
    }

    /** The document and the data of both provinces, made once for the class (one container). */
    static final class World {
        private static World instance;

        final List<Operation> operations = new ArrayList<>();
        final Province hubei = new Province("42", "hubei", "HB");
        final Province jiangsu = new Province("32", "jiangsu", "JS");
        private int serial;

        static synchronized World get() {
            if (instance == null) {
                instance = new World();
            }
            return instance;
        }

        private World() {
            Api.Reply d = api().get("/openapi.json");
            assertEquals(d.toString(), 200, d.status());
            JsonNode doc = d.json();
            doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
                String method = m.getKey().toUpperCase(java.util.Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    operations.add(new Operation(method, p.getKey().replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}"),
                            m.getValue(), doc));
                }
            }));
            Api admin = api().as("admin");
            long kn95 = idOf(admin.get("/items?q=MASK-KN95"), "MASK-KN95");
            String census = created(admin.post("/inventory/census", Map.of("title", "Cross-province check",
                    "categories", List.of("MASK"), "deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString())));
            seed(hubei, admin, kn95, census, "P42", "P42-WUHAN", "HB-PROV-01", null);
            seed(jiangsu, admin, kn95, census, "P32", "P32-NANJING", "JS-PROV-01", "JS-NJ-CPX");
        }

        /** Everything a province officer can name, made through the API. */
        private void seed(Province p, Api admin, long kn95, String census, String department, String city,
                String provDepot, String newCityDepot) {
            Api officer = api().as(p.user);
            long dept = idOf(admin.get("/units?q=" + department), department);
            long cityUnit = idOf(admin.get("/units?q=" + city), city);
            long prov = idOf(admin.get("/depots?q=" + provDepot), provDepot);
            long cityDepot = newCityDepot == null ? idOf(admin.get("/depots?q=" + p.depotPrefix + "-WH-01"),
                    p.depotPrefix + "-WH-01")
                    : Long.parseLong(created(officer.post("/depots", Map.of("code", newCityDepot, "name",
                            "Cross-province check store", "orgUnitId", cityUnit))));
            long county = Long.parseLong(created(officer.post("/units", Map.of("code", city + "-CPX", "name",
                    "Cross-province check unit", "level", "COUNTY", "parentId", cityUnit))));
            p.ids.put(Kind.UNIT, county);
            p.fieldIds.put("toDepotId", cityDepot);
            // a destination is a depot or a unit, never both: the own body names the depot; the probe of this slot
            // sends both ends, answered 400 about toOrgUnitId whatever the id
            p.fieldIds.put("toOrgUnitId", null);
            p.ids.put(Kind.DEPOT, prov);
            p.ids.put(Kind.ITEM, kn95);
            p.ids.put(Kind.PROVINCE, p.code);
            p.ids.put(Kind.CENSUS, census);
            p.ids.put(Kind.CARRIER, "fleet");
            p.ids.put(Kind.CHANNEL, "centre");
            p.ids.put(Kind.CHANNEL_EVENT, "E-CPX-" + p.code);
            p.ids.put(Kind.PARKED, UNKNOWN);
            p.ids.put(Kind.CHANNEL_RECORD, UNKNOWN);
            p.ids.put(Kind.IMPORT_KIND, "depots");
            String expiry = LocalDate.now().plusYears(2).toString();
            p.ids.put(Kind.LOT, Long.parseLong(created(officer.post("/inventory/receipts", Map.of("depotId", prov,
                    "itemId", kn95, "quantity", 10_000, "origin", "PURCHASE_ORDER", "sourceDocument", "PO-CPX-" + p.code,
                    "expiryDate", expiry)))));
            p.ids.put(Kind.POSTING, Long.parseLong(created(officer.post("/inventory/issues", Map.of("depotId", prov,
                    "itemId", kn95, "quantity", 1, "orgUnitId", county)))));
            p.ids.put(Kind.TRANSFER, Long.parseLong(created(officer.post("/inventory/transfers", Map.of("fromDepotId",
                    prov, "toDepotId", cityDepot, "itemId", kn95, "quantity", 10)))));
            p.ids.put(Kind.RESERVATION, Long.parseLong(created(officer.post("/inventory/reservations", Map.of(
                    "depotId", prov, "itemId", kn95, "quantity", 5, "holder", "cross-province check")))));
            p.ids.put(Kind.NEED, Long.parseLong(created(officer.post("/needs", Map.of("orgUnitId", cityUnit,
                    "itemId", kn95, "quantity", 50, "urgency", "IMMEDIATE", "justification", "cross-province check",
                    "receivingDepotId", cityDepot)))));
            long plan = Long.parseLong(created(officer.post("/allocation/plans", Map.of("itemId", kn95,
                    "sourceDepotIds", List.of(prov)))));
            p.ids.put(Kind.PLAN, plan);
            String batch = created(admin.post("/allocation/plans/" + plan + "/approve", null));
            p.ids.put(Kind.BATCH, Long.parseLong(batch));
            JsonNode lines = admin.get("/allocation/batches/" + batch).json().path("lines");
            assertTrue("batch " + batch + " has no lines", lines.size() > 0);
            p.ids.put(Kind.LINE, lines.get(0).path("id").asLong());
            // dispatched, so a receipt reaches its lines
            Api.Reply dispatched = admin.post("/allocation/batches/" + batch + "/dispatch", null);
            assertEquals(dispatched.toString(), 200, dispatched.status());
            p.ids.put(Kind.OFFER, Long.parseLong(created(officer.post("/allocation/mutual-aid", Map.of("fromDepotId",
                    prov, "itemId", kn95, "quantity", 1, "toProvinceCode", "11")))));
            p.ids.put(Kind.SHIPMENT, Long.parseLong(created(officer.post("/shipments", Map.of("fromDepotId", prov,
                    "toDepotId", cityDepot, "carrierId", "fleet", "packages", 1, "weightKg", 1)))));
            p.ids.put(Kind.KEY_AREA, Long.parseLong(created(admin.post("/needs/key-areas", Map.of("provinceCode",
                    p.code, "label", "Cross-province check " + p.code)))));
            p.ids.put(Kind.BUDGET_LINE, Long.parseLong(created(admin.post("/funding/budget-lines", Map.of("code",
                    "CPX-" + p.code, "name", "Cross-province check", "source", "PROVINCIAL_BUDGET", "holder", p.code,
                    "amount", 1000)))));
            seedProcurement(p, kn95, prov);
            seedDonation(p, admin, kn95, prov);
            Instant now = Instant.now();
            p.ids.put(Kind.PASS, Long.parseLong(created(officer.post("/shipments/" + p.ids.get(Kind.SHIPMENT)
                    + "/passes", Map.of("areaName", "Cross-province check " + p.code, "validFrom", now.toString(),
                    "validUntil", now.plus(Duration.ofDays(1)).toString(), "vehiclePlate", "CP-" + p.code,
                    "authority", "Cross-province check")))));
            // well formed, printed nowhere: answers UNKNOWN
            p.ids.put(Kind.PASS_CODE, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertTrue(dept > 0);
        }

        /**
         * The province's own supplier and a placed emergency order from it to the provincial depot, paid from the
         * province's line, made by the province's buyer: the order is PLACED so that a receipt reaches its lines.
         */
        private void seedProcurement(Province p, long kn95, long depot) {
            Api buyer = api().as(p.code.equals("42") ? "hubei-buyer" : "jiangsu-buyer");
            long supplier = Long.parseLong(created(buyer.post("/procurement/suppliers", Map.of("code", "CPX-SUP-"
                    + p.code, "name", "Cross-province check supplier", "country", "CN", "qualifications",
                    List.of(Map.of("itemId", kn95, "standard", "GB 2626-2019", "weeklyCapacity", 1000,
                            "leadTimeDays", 1))))));
            p.ids.put(Kind.SUPPLIER, supplier);
            String order = created(buyer.post("/procurement/orders", Map.of("supplierId", supplier, "depotId", depot,
                    "budgetLineId", p.id(Kind.BUDGET_LINE), "currency", "CNY", "emergency", true, "lines",
                    List.of(Map.of("itemId", kn95, "quantity", 1_000_000, "unitPrice", new BigDecimal("0.0001"),
                            "promisedDate", LocalDate.now().plusDays(5).toString())))));
            p.ids.put(Kind.ORDER, Long.parseLong(order));
            created(buyer.post("/procurement/orders/" + order + "/submit", null));
            created(buyer.post("/procurement/orders/" + order + "/approve", Map.of("justification",
                    "cross-province check of procurement")));
            JsonNode placed = buyer.post("/procurement/orders/" + order + "/place", null).json();
            assertEquals(placed.toString(), "PLACED", placed.path("status").asText());
            p.ids.put(Kind.ORDER_LINE, placed.path("lines").get(0).path("id").asLong());
            // a quote of the procurement centre for the province's buyer (the ministry's agreement makes the price)
            Api.Reply agreement = api().as("buyer").post("/procurement/centre/agreements", Map.of("code", "CPX-FA-"
                    + p.code, "supplierCode", "CPX-SUP-" + p.code, "supplierName", "Cross-province check supplier",
                    "validFrom", LocalDate.now().minusDays(1).toString(), "validUntil", LocalDate.now().plusDays(30)
                    .toString(), "leadDays", 5, "expeditedLeadDays", 2, "items", List.of(Map.of("itemCode", "MASK-KN95",
                            "unitPrice", new BigDecimal("1.20"), "capacityPerWeek", 10_000))));
            assertEquals(agreement.toString(), 201, agreement.status());
            Api.Reply quote = Poll.until("a quote of the centre for " + p.code, Duration.ofSeconds(20), () -> Optional.of(
                    buyer.post("/procurement/channels/centre/quotes", Map.of("deliverToProvince", p.code, "lines",
                            List.of(Map.of("itemCode", "MASK-KN95", "quantity", 10))))).filter(r -> r.status() == 201));
            p.ids.put(Kind.QUOTE, quote.json().path("id").asLong());
        }

        /** A donor of the province's desk, its pledge designated for the province, and a receipt against it. */
        private void seedDonation(Province p, Api admin, long kn95, long depot) {
            long donor = Long.parseLong(created(admin.post("/donations/donors", Map.of("kind", "ENTERPRISE", "name",
                    "Cross-province check donor " + p.code, "provinceCode", p.code))));
            p.ids.put(Kind.DONOR, donor);
            JsonNode pledge = admin.post("/donations", Map.of("donorId", donor, "provinceCode", p.code,
                    "designation", Map.of("kind", "PROVINCE", "provinceCode", p.code),
                    "lines", List.of(Map.of("itemId", kn95, "quantity", 100)))).json();
            p.ids.put(Kind.DONATION, pledge.path("id").asLong());
            long line = pledge.path("lines").get(0).path("id").asLong();
            p.ids.put(Kind.DONATION_LINE, line);
            p.ids.put(Kind.DONATION_RECEIPT, Long.parseLong(created(admin.post("/donations/" + pledge.path("id")
                    .asLong() + "/receipts", Map.of("depotId", depot, "lines", List.of(Map.of("donationLineId", line,
                    "priority", "URGENT", "standardMatched", true, "certificatePresent", true, "packagingIntact",
                    true, "expiryDate", LocalDate.now().plusYears(2).toString(), "acceptedQuantity", 10,
                    "rejectedQuantity", 0)))))));
        }

        private static String created(Api.Reply r) {
            assertTrue("seeding failed: " + r, r.status() == 200 || r.status() == 201);
            return r.json().path("id").asText();
        }

        private static long idOf(Api.Reply list, String code) {
            assertEquals(list.toString(), 200, list.status());
            for (JsonNode n : items(list.json())) {
                if (code.equals(n.path("code").asText())) {
                    return n.path("id").asLong();
                }
            }
            throw new AssertionError("no " + code + " in " + list);
        }

        /** A minimal valid body for {@code schema}: required properties and every id property, own ids. */
        JsonNode body(Operation op, JsonNode schema, Province own) {
            return value(op, "body", resolve(op.doc, schema), own, 0);
        }

        private JsonNode value(Operation op, String name, JsonNode schema, Province own, int depth) {
            if (depth > 8) {
                throw new AssertionError(op + ": schema nests deeper than 8 at " + name);
            }
            Kind kind = FIELD_KINDS.get(name);
            String type = schema.path("type").asText("");
            if (depth == 0 && !schema.has("properties") && !schema.has("$ref") && !type.equals("array")) {
                // a body the document types as a bare string (an optional JSON body read by hand): send {}
                return NODES.textNode("{}");
            }
            if (kind != null) {
                JsonNode id = JSON.valueToTree(own.fieldIds.getOrDefault(name, own.id(kind)));
                if (type.equals("array")) {
                    return NODES.arrayNode().add(id);
                }
                return id;
            }
            if (name.endsWith("Id") || name.endsWith("Ids")) {
                throw new AssertionError(op + ": body property '" + name + "' looks like an id the test cannot fill: "
                        + "map it in CrossProvinceIT.FIELD_KINDS");
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                return value(op, name, resolve(op.doc, schema.get("allOf").get(0)), own, depth + 1);
            }
            if (type.equals("object") || schema.has("properties")) {
                ObjectNode o = NODES.objectNode();
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                schema.path("properties").fields().forEachRemaining(e -> {
                    if (required.contains(e.getKey()) || FIELD_KINDS.containsKey(e.getKey())) {
                        o.set(e.getKey(), value(op, e.getKey(), resolve(op.doc, e.getValue()), own, depth + 1));
                    }
                });
                return o;
            }
            return switch (type) {
                case "array" -> NODES.arrayNode().add(value(op, singular(name), resolve(op.doc, schema.path("items")),
                        own, depth + 1));
                case "integer" -> NODES.numberNode(name.toLowerCase(java.util.Locale.ROOT).contains("damaged") ? 0
                        : 1);
                case "number" -> NODES.numberNode(1);
                case "boolean" -> NODES.booleanNode(false);
                case "string" -> NODES.textNode(text(op, name, schema, own));
                default -> NODES.textNode(text(op, name, schema, own));
            };
        }

        private static String singular(String name) {
            return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        }

        private String text(Operation op, String name, JsonNode schema, Province own) {
            String format = schema.path("format").asText("");
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (format.equals("date")) {
                return LocalDate.now().plusDays(30).toString();
            }
            if (format.equals("date-time")) {
                boolean later = lower.contains("until") || lower.contains("deadline") || lower.endsWith("by");
                return Instant.now().plus(later ? 2 : 1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            }
            return switch (name) {
                case "code" -> own.depotPrefix + "-CPX-" + (++serial);
                case "level" -> "STATION";
                case "categoryCode", "category" -> "MASK";
                case "categories" -> "MASK";
                case "provinceCode", "province" -> own.code;
                case "toProvinceCode" -> "11";
                case "waybill" -> "W-CPX-1";
                case "unit" -> "piece";
                case "number" -> "PASS-CPX-1";
                default -> lower.endsWith("within") || format.equals("duration") ? "PT1H" : "cross-province check";
            };
        }

        String queryValue(Operation op, String name, JsonNode schema, Province own) {
            if (name.equals("version")) {
                return "1";
            }
            JsonNode v = value(op, name, schema, own, 0);
            return v.isTextual() ? v.asText() : v.toString();
        }
    }
}
