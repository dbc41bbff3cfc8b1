package org.tongpao.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.funding.Commitment;
import org.tongpao.funding.ExchangeRate;
import org.tongpao.funding.FundingService;
import org.tongpao.funding.Money;

/**
 * Funding in the central install (tongpao-funding): finance opens budget lines over REST, another bundle's
 * transaction commits, spends and releases through the OSGi service, an exhausted line refuses (409, nothing
 * committed), and a province sees only its own lines.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FundingIT extends CentralNode {
    /** How procurement would pass an approving officer of Hubei. */
    private static final Caller HUBEI_BUYER = Caller.of("hb-buyer", Set.of("procurement-officer", "province-42"), "it-hb");
    private static final Caller MINISTRY = Caller.of("officer", Set.of("ministry-officer"), "it-ministry");

    @Inject
    FundingService funding;

    @Before
    public void restServerHasMountedFunding() {
        Poll.status("/funding/budget-lines", 401, () -> api().get("/funding/budget-lines"));
    }

    private static Map<String, Object> line(String code, String source, String holder, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", code + " line", "source", source,
                "holder", holder, "amount", new BigDecimal(amount)));
        body.put("category", "MASK");
        return body;
    }

    private static long created(Api.Reply r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    @Test
    public void financeOpensLinesAndAnApprovalCommitsSpendsAndReleasesInItsOwnTransaction() {
        Api finance = api().as("finance");
        Api.Reply first = finance.header("Idempotency-Key", "open-sef-it").post("/funding/budget-lines",
                line("SEF-IT", "SPECIAL_EPIDEMIC_FUND", "MINISTRY", "10000.00"));
        long sef = created(first);
        Api.Reply again = finance.header("Idempotency-Key", "open-sef-it").post("/funding/budget-lines",
                line("SEF-IT", "SPECIAL_EPIDEMIC_FUND", "MINISTRY", "10000.00"));
        assertEquals(again.toString(), sef, again.json().path("id").asLong());
        Api.Reply bad = finance.post("/funding/budget-lines", line("BAD-IT", "CENTRAL_ALLOCATION", "MINISTRY", "0.001"));
        assertEquals(bad.toString(), 400, bad.status());
        assertEquals("amount", bad.json().path("field").asText());
        assertEquals(403, api().as("hubei").post("/funding/budget-lines",
                line("HB-NO", "PROVINCIAL_BUDGET", "42", "1")).status());

        // an order approval (procurement's transaction) for 5,000,000 KRW at the rate at order: 26,000 CNY is more
        // than the line has, so it is refused whole and nothing is committed
        ExchangeRate atOrder = new ExchangeRate("KRW", "CNY", new BigDecimal("0.0052"), Instant.now(), "bank quote");
        Api.Reply afterRefusal;
        try {
            Transactions.enclosing(dataSource, "order.approve", c -> funding.commit(MINISTRY, sef,
                    Money.of("5000000", "KRW"), atOrder, "procurement:order:IT-1", "KN95"));
            fail("a commitment beyond the line was accepted");
        } catch (ConflictException expected) {
            assertEquals("amount", expected.field());
        }
        afterRefusal = finance.get("/funding/budget-lines/" + sef);
        assertEquals(0, afterRefusal.json().path("committed").decimalValue().signum());
        assertEquals(0, count("tp_fund_commitment WHERE line_id = " + sef));

        // within the line: committed, half paid at the rate at payment, the rest released on cancellation
        Commitment c1 = Transactions.enclosing(dataSource, "order.approve", c ->
                funding.commit(MINISTRY, sef, Money.of("1000000", "KRW"), atOrder, "procurement:order:IT-2", "KN95"));
        assertEquals(0, new BigDecimal("5200.00").compareTo(c1.amount()));
        // a retried approval commits nothing more
        funding.commit(MINISTRY, sef, Money.of("1000000", "KRW"), atOrder, "procurement:order:IT-2", "KN95");
        ExchangeRate atPayment = new ExchangeRate("KRW", "CNY", new BigDecimal("0.0053"), Instant.now(), "bank quote");
        funding.spend(MINISTRY, "procurement:order:IT-2", Money.of("500000", "KRW"), atPayment, "INV-IT-1", false);
        Commitment closed = funding.release(MINISTRY, "procurement:order:IT-2", null, "cancel:IT-2", "rest cancelled");
        assertEquals(0, closed.open().signum());
        JsonNode l = finance.get("/funding/budget-lines/" + sef).json();
        assertEquals(0, l.path("committed").decimalValue().signum());
        assertEquals(0, new BigDecimal("2650.00").compareTo(l.path("spent").decimalValue()));
        assertEquals(0, new BigDecimal("7350.00").compareTo(l.path("available").decimalValue()));

        Api.Reply commitments = finance.get("/funding/budget-lines/" + sef + "/commitments");
        assertEquals(commitments.toString(), 200, commitments.status());
        assertEquals(1, commitments.json().path("items").size());
        assertEquals("KRW", commitments.json().path("items").get(0).path("original").path("currency").asText());

        Api.Reply cut = finance.post("/funding/budget-lines/" + sef + "/adjustments", Map.of("delta", -8000, "reason", "cut"));
        assertEquals(cut.toString(), 409, cut.status());
        assertEquals("delta", cut.json().path("field").asText());
        Api.Reply topUp = finance.header("Idempotency-Key", "top-up-it").post("/funding/budget-lines/" + sef
                + "/adjustments", Map.of("delta", new BigDecimal("650.00"), "reason", "second tranche"));
        assertEquals(topUp.toString(), 200, topUp.status());
        assertEquals(0, new BigDecimal("8000.00").compareTo(topUp.json().path("available").decimalValue()));

        Api.Reply summary = finance.get("/funding/summary?group=SOURCE");
        assertEquals(summary.toString(), 200, summary.status());
        assertTrue(summary.toString(), summary.body().contains("SPECIAL_EPIDEMIC_FUND"));
        assertTrue("events on the outbox", count("tp_event_outbox WHERE topic LIKE 'org/tongpao/funding/%'") >= 5);
    }

    @Test
    public void aProvinceSeesAndCommitsOnlyOnItsOwnLines() {
        Api admin = api().as("admin");
        long hb = created(admin.post("/funding/budget-lines", line("HB-IT", "PROVINCIAL_BUDGET", "42", "3000")));
        long js = created(admin.post("/funding/budget-lines", line("JS-IT", "PROVINCIAL_BUDGET", "32", "3000")));
        Api hubei = api().as("hubei");
        JsonNode lines = hubei.get("/funding/budget-lines").json().path("items");
        assertTrue(lines.size() > 0);
        for (JsonNode n : lines) {
            assertEquals(n.toString(), "42", n.path("holder").asText());
        }
        assertEquals(404, hubei.get("/funding/budget-lines/" + js).status());
        assertEquals(404, hubei.get("/funding/budget-lines/" + js + "/commitments").status());
        assertEquals(404, api().as("jiangsu").get("/funding/budget-lines/" + hb).status());
        for (JsonNode row : hubei.get("/funding/summary").json().path("items")) {
            assertEquals(row.toString(), "42", row.path("holder").asText());
        }

        funding.commit(HUBEI_BUYER, hb, Money.of("2000", "CNY"), null, "procurement:order:HB-IT-1", null);
        try {
            funding.commit(HUBEI_BUYER, js, Money.of("1", "CNY"), null, "procurement:order:HB-IT-2", null);
            fail("Hubei committed on Jiangsu's line");
        } catch (org.tongpao.core.NotFoundException expected) {
            assertFalse(expected.getMessage().contains("JS-IT"));
        }
        // the last of the line: refused, nothing committed
        try {
            funding.commit(HUBEI_BUYER, hb, Money.of("1000.01", "CNY"), null, "procurement:order:HB-IT-3", null);
            fail("a commitment beyond the line was accepted");
        } catch (ConflictException expected) {
            assertEquals("amount", expected.field());
        }
        assertEquals(1, count("tp_fund_commitment WHERE line_id = " + hb));
    }
}
