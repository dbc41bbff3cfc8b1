package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER2;
import static org.tongpao.procurement.internal.ProcurementFixture.HUBEI_BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.JIANGSU_BUYER;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewOrderLine;
import org.tongpao.procurement.OrderStatus;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.QuoteFilter;
import org.tongpao.procurement.QuoteStatus;
import org.tongpao.procurement.StoredQuote;
import org.tongpao.procurement.QuoteOrder;
import org.tongpao.procurement.api.ChannelOrder;
import org.tongpao.procurement.api.ChannelQuote;
import org.tongpao.procurement.api.OrderApproval;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.api.QuotedLine;
import org.tongpao.procurement.api.RequestLine;

/** A channel's quote stored and turned into a draft order; a draft changed under optimistic concurrency. */
class QuotesAndDraftsTest {
    private final ProcurementFixture f = new ProcurementFixture();
    private final JdbcProcurementService p = f.procurement;
    private final Quoting channel = new Quoting();

    /** A channel side that quotes 2.40 a mask, 800 of whatever is asked (fewer than asked), in 6 days. */
    final class Quoting implements OrderChannels {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean exists(String channelId) {
            return true;
        }

        @Override
        public ChannelQuote quote(String channelId, QuoteRequest request) {
            asked.add(channelId + " " + request.requestRef());
            List<QuotedLine> lines = request.lines().stream().map(l -> new QuotedLine(l.lineRef(),
                    Math.min(800, l.quantity()), new BigDecimal("2.40"), f.today().plusDays(6))).toList();
            return new ChannelQuote("CQ-" + request.requestRef(), "CNY", lines, f.clock.instant().plus(Duration.ofDays(2)),
                    null, "framework agreement FA-1");
        }

        @Override
        public String place(PurchaseOrder order) {
            return "CTR-" + order.id();
        }

        @Override
        public void cancel(PurchaseOrder order, String reason) {
        }

        @Override
        public void placed(Connection c, PurchaseOrder order, String reference) {
        }
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static QuoteRequest masks(String ref, String province, long quantity, boolean emergency) {
        return new QuoteRequest(ref, List.of(new RequestLine("L1", "MASK-MEDPROT", null, quantity, null)), province,
                null, emergency);
    }

    private long orders() {
        return Transactions.read(f.ds, c -> Jdbc.count(c, "SELECT COUNT(*) FROM tp_proc_order", List.of()));
    }

    @Test
    void aQuoteBecomesADraftOrderOnceWithTheQuotedLinesPricesDatesAndChannel() {
        p.channels(channel);
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        StoredQuote q = p.requestQuote(BUYER, "centre", masks("RFQ-1", "42", 1000, true), "k-rfq");

        assertThat(q.quoteRef()).isEqualTo("CQ-RFQ-1");
        assertThat(q.lines()).singleElement().satisfies(l -> {
            assertThat(l.itemCode()).isEqualTo("MASK-MEDPROT");
            assertThat(l.requestedQuantity()).isEqualTo(1000);
            assertThat(l.quantity()).isEqualTo(800);
        });
        assertThat(q.totalAmount()).isEqualByComparingTo("1920");
        assertThat(p.requestQuote(BUYER, "centre", masks("RFQ-2", "42", 1000, true), "k-rfq").id())
                .as("a repeat with the key stores nothing new").isEqualTo(q.id());

        QuoteOrder body = new QuoteOrder(supplier, f.depot("HB-WH-01"), line, null, "from the centre's quote");
        PurchaseOrder o = p.orderFromQuote(BUYER, q.id(), body, "k-order");

        assertThat(o.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(o.channelId()).isEqualTo("centre");
        assertThat(o.quoteId()).isEqualTo(q.id());
        assertThat(o.quoteRef()).isEqualTo("CQ-RFQ-1");
        assertThat(o.emergency()).isTrue();
        assertThat(o.totalAmount()).isEqualByComparingTo("1920.00");
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(800);
            assertThat(l.unitPrice()).isEqualByComparingTo("2.40");
            assertThat(l.promisedDate()).isEqualTo(f.today().plusDays(6));
        });
        assertThat(p.quote(BUYER, q.id()).orderId()).isEqualTo(o.id());

        long before = orders();
        assertThat(p.orderFromQuote(BUYER, q.id(), body, "k-order").id()).as("a retry").isEqualTo(o.id());
        assertThatThrownBy(() -> p.orderFromQuote(BUYER2, q.id(), body, "k-other"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("quoteId"))
                .hasMessageContaining(o.number());
        assertThat(orders()).isEqualTo(before);
        assertThat(f.topics()).contains("quote/RECEIVED", "order/CREATED");
    }

    @Test
    void anOrderTakesTheQuoteLinesItNamesAndNoOthers() {
        p.channels(channel);
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        StoredQuote q = p.requestQuote(BUYER, "centre", new QuoteRequest("RFQ-P", List.of(
                new RequestLine("L1", "GLOVES-EXAM", null, 500, null),
                new RequestLine("L2", "MASK-MEDPROT", null, 1000, null)), "42", null, false), null);
        long depot = f.depot("HB-WH-01");

        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null),
                null)).as("the whole quote: the mask maker is not qualified for gloves")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("lines[0].itemId"));
        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null,
                List.of("L2", "L9")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines[1]"));
        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null,
                List.of("L2", "L2")), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines[1]"));
        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null,
                List.of()), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThat(orders()).isZero();

        PurchaseOrder o = p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null,
                List.of("L2")), "k-part");

        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.itemId()).isEqualTo(f.item("MASK-MEDPROT"));
            assertThat(l.quantity()).isEqualTo(800);
        });
        assertThat(o.totalAmount()).isEqualByComparingTo("1920.00");
        assertThat(o.quoteRef()).isEqualTo("CQ-RFQ-P");
        assertThat(p.quote(BUYER, q.id()).orderId()).as("the quote is ordered, its other line with it").isEqualTo(o.id());
        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, depot, line, null, null,
                List.of("L2")), "k-again")).as("a quote becomes one order").isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("quoteId"));
    }

    @Test
    void anExpiredQuoteOrAnUnqualifiedSupplierLeavesNothingBehind() {
        p.channels(channel);
        long line = f.budgetLine("MINISTRY", "100000");
        long unqualified = p.createSupplier(BUYER, new org.tongpao.procurement.NewSupplier("GLV", "Glove works", "CN",
                null, null, List.of(new org.tongpao.procurement.Qualification(f.item("GLOVES-EXAM"), null, "GB 10213-2006",
                        1000L, 2, null, null))), null).id();
        StoredQuote q = p.requestQuote(BUYER, "centre", masks("RFQ-3", "42", 500, false), null);

        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(unqualified, f.depot("HB-WH-01"), line,
                null, null), null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].itemId"));
        f.clock.now = f.clock.now.plus(Duration.ofDays(3));
        long supplier = f.maskMaker(BUYER, "MM-02", null);
        assertThatThrownBy(() -> p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, f.depot("HB-WH-01"), line,
                null, null), null)).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThat(orders()).isZero();
        assertThat(p.quote(BUYER, q.id()).orderId()).isNull();
    }

    @Test
    void quotesAreScopedAsOrdersAre() {
        p.channels(channel);
        assertThatThrownBy(() -> p.requestQuote(JIANGSU_BUYER, "centre", masks("RFQ-4", "42", 10, false), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(channel.asked).isEmpty();
        StoredQuote ministry = p.requestQuote(BUYER, "centre", masks("RFQ-5", "42", 10, false), null);
        StoredQuote hubei = p.requestQuote(HUBEI_BUYER, "centre", masks("RFQ-6", "42", 10, false), null);

        assertThat(hubei.provinceCode()).isEqualTo("42");
        assertThat(p.quote(BUYER, hubei.id()).id()).isEqualTo(hubei.id());
        assertThatThrownBy(() -> p.quote(HUBEI_BUYER, ministry.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> p.quote(JIANGSU_BUYER, hubei.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theQuoteListIsScopedAndFilteredByChannelStatusAndProvince() {
        p.channels(channel);
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        StoredQuote hubei = p.requestQuote(HUBEI_BUYER, "centre", masks("RFQ-H", "42", 100, false), null);
        StoredQuote jiangsu = p.requestQuote(JIANGSU_BUYER, "import-krw", masks("RFQ-J", "32", 100, false), null);
        StoredQuote ministry = p.requestQuote(BUYER, "centre", masks("RFQ-M", "42", 100, false), null);
        p.orderFromQuote(BUYER, ministry.id(), new QuoteOrder(supplier, f.depot("HB-WH-01"), line, null, null), null);

        assertThat(ids(p.quotes(BUYER, QuoteFilter.ALL, 50, null)))
                .containsExactly(hubei.id(), jiangsu.id(), ministry.id());
        assertThat(ids(p.quotes(HUBEI_BUYER, QuoteFilter.ALL, 50, null))).containsExactly(hubei.id());
        assertThat(ids(p.quotes(HUBEI_BUYER, new QuoteFilter(null, null, "32"), 50, null))).isEmpty();
        assertThat(ids(p.quotes(BUYER, new QuoteFilter("centre", null, null), 50, null)))
                .containsExactly(hubei.id(), ministry.id());
        assertThat(ids(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.ORDERED, null), 50, null)))
                .containsExactly(ministry.id());
        assertThat(ids(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.OPEN, "32"), 50, null)))
                .containsExactly(jiangsu.id());
        assertThat(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.OPEN, null), 1, null))
                .satisfies(page -> {
                    assertThat(ids(page)).containsExactly(hubei.id());
                    assertThat(ids(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.OPEN, null), 1,
                            page.nextCursor()))).containsExactly(jiangsu.id());
                });
        assertThat(p.quotes(BUYER, QuoteFilter.ALL, 50, null).items().get(0).lines()).hasSize(1);

        f.clock.now = f.clock.now.plus(Duration.ofDays(3)); // the quotes stood two days
        assertThat(ids(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.EXPIRED, null), 50, null)))
                .containsExactly(hubei.id(), jiangsu.id());
        assertThat(ids(p.quotes(BUYER, new QuoteFilter(null, QuoteStatus.OPEN, null), 50, null))).isEmpty();
    }

    private static List<Long> ids(Page<StoredQuote> page) {
        return page.items().stream().map(StoredQuote::id).toList();
    }

    @Test
    void withoutChannelsAQuoteIsAConflictNamingTheChannel() {
        assertThatThrownBy(() -> p.requestQuote(BUYER, "centre", masks("RFQ-7", "42", 10, false), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("channelId"));
    }

    @Test
    void aDraftChangesAtItsVersionOnlyAndOnlyWhileADraft() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 1000, false), null);
        NewOrder changed = new NewOrder(supplier, f.depot("HB-WH-01"), line, "CNY", null, false, null, null,
                "two deliveries", List.of(new NewOrderLine(f.item("MASK-MEDPROT"), 3000L, new BigDecimal("2.20"), null,
                        f.today().plusDays(9))));

        assertThatThrownBy(() -> p.updateDraft(BUYER, o.id(), null, changed, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("If-Match"));
        PurchaseOrder after = p.updateDraft(BUYER, o.id(), o.version(), changed, "k-edit");

        assertThat(after.version()).isGreaterThan(o.version());
        assertThat(after.number()).isEqualTo(o.number());
        assertThat(after.note()).isEqualTo("two deliveries");
        assertThat(after.totalAmount()).isEqualByComparingTo("6600.00");
        assertThat(after.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualTo(3000);
            assertThat(l.lineNo()).isEqualTo(1);
            assertThat(l.promisedDate()).isEqualTo(f.today().plusDays(9));
        });
        assertThat(p.updateDraft(BUYER, o.id(), o.version(), changed, "k-edit").version())
                .as("a retry with the key").isEqualTo(after.version());

        NewOrder again = new NewOrder(supplier, f.depot("HB-WH-01"), line, "CNY", null, false, null, null, "stale",
                changed.lines());
        // a stale version is not the key's answer: the same request is stale again (not a stored 409), and the
        // request made with the version read afresh goes through under the same key, once
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> p.updateDraft(BUYER, o.id(), o.version(), again, "k-stale"))
                    .isInstanceOf(StaleVersionException.class);
        }
        assertThat(p.order(BUYER, o.id()).note()).isEqualTo("two deliveries");
        PurchaseOrder fresh = p.updateDraft(BUYER, o.id(), after.version(), again, "k-stale");
        assertThat(fresh.note()).isEqualTo("stale");
        assertThat(p.updateDraft(BUYER, o.id(), after.version(), again, "k-stale").version())
                .isEqualTo(fresh.version());

        PurchaseOrder submitted = p.submit(BUYER, o.id(), null);
        assertThatThrownBy(() -> p.updateDraft(BUYER, o.id(), submitted.version(), changed, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("status"));
        List<String> actions = Transactions.read(f.ds, c -> Jdbc.query(c,
                "SELECT action FROM tp_audit WHERE entity = ? ORDER BY id", List.of("purchase-order"), rs -> rs.getString(1)));
        assertThat(actions).containsExactly("create", "update", "update", "submit");
        assertThat(f.topics()).contains("order/UPDATED");
    }

    @Test
    void aProvincesDraftEditedByTheMinistryStaysTheProvinces() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("42", "100000");
        PurchaseOrder o = p.createOrder(HUBEI_BUYER, f.maskOrder(supplier, "HB-WH-01", line, 100, false), null);
        PurchaseOrder after = p.updateDraft(BUYER, o.id(), o.version(), f.maskOrder(supplier, "HB-WH-01", line, 200,
                false), null);
        assertThat(after.provinceCode()).isEqualTo("42");
        assertThatThrownBy(() -> p.updateDraft(JIANGSU_BUYER, o.id(), after.version(), f.maskOrder(supplier,
                "HB-WH-01", line, 300, false), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theChannelLearnsWhoApprovedAndWhyAndWhichQuote() {
        p.channels(channel);
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        StoredQuote q = p.requestQuote(BUYER, "centre", masks("RFQ-8", "42", 1000, true), null);
        PurchaseOrder o = p.orderFromQuote(BUYER, q.id(), new QuoteOrder(supplier, f.depot("HB-WH-01"), line, null,
                null), null);
        p.submit(BUYER, o.id(), null);
        PurchaseOrder approved = p.approve(BUYER2, o.id(), "single source, expedited: Wuhan runs out of masks", null);

        ChannelOrder sent = GatewayChannels.channelOrder(approved, "42");

        assertThat(sent.quoteRef()).isEqualTo("CQ-RFQ-8");
        assertThat(sent.approvals()).singleElement().satisfies(a -> {
            assertThat(a.approver()).isEqualTo("buyer2");
            assertThat(a.role()).isEqualTo("procurement-officer");
            assertThat(a.approvedAt()).isEqualTo(f.clock.instant());
        });
        assertThat(sent.justification()).isEqualTo("single source, expedited: Wuhan runs out of masks");
        assertThat(sent.note()).startsWith("single source, expedited");
        assertThat(sent.approvals().get(0).justification()).isEqualTo(sent.justification());
    }

    @Test
    void aNormalOrdersTwoApprovalsGoToTheChannelWithoutAJustification() {
        long supplier = f.maskMaker(BUYER, "MM-01", null);
        long line = f.budgetLine("MINISTRY", "100000");
        PurchaseOrder o = p.createOrder(BUYER, f.maskOrder(supplier, "HB-WH-01", line, 100, false), null);
        p.submit(BUYER, o.id(), null);
        p.approve(BUYER, o.id(), "checked against the framework price", null);
        PurchaseOrder approved = p.approve(BUYER2, o.id(), null, null);

        ChannelOrder sent = GatewayChannels.channelOrder(approved, "42");

        assertThat(sent.approvals()).extracting(OrderApproval::approver).containsExactly("buyer", "buyer2");
        assertThat(sent.justification()).isNull();
        assertThat(sent.quoteRef()).isNull();
        assertThat(LocalDate.ofInstant(sent.approvals().get(1).approvedAt(), ProcurementContext.ZONE)).isEqualTo(f.today());
    }
}
