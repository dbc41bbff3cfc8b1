package org.tongpao.procurement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.funding.FundingService;
import org.tongpao.inventory.StockLedger;
import org.tongpao.procurement.CapacityOffer;
import org.tongpao.procurement.GoodsReceipt;
import org.tongpao.procurement.NewOrder;
import org.tongpao.procurement.NewSupplier;
import org.tongpao.procurement.OrderFilter;
import org.tongpao.procurement.OrderProgress;
import org.tongpao.procurement.ProcurementService;
import org.tongpao.procurement.PurchaseOrder;
import org.tongpao.procurement.StoredQuote;
import org.tongpao.procurement.QuoteFilter;
import org.tongpao.procurement.QuoteOrder;
import org.tongpao.procurement.api.QuoteRequest;
import org.tongpao.procurement.ReceiptRequest;
import org.tongpao.procurement.Supplier;
import org.tongpao.procurement.internal.channels.ChannelGateway;

/** The procurement service: a facade over its parts, which share one {@link ProcurementContext}. */
@Component(service = {ProcurementService.class, JdbcProcurementService.class})
public class JdbcProcurementService implements ProcurementService {
    private final ProcurementContext ctx;
    private final Suppliers suppliers;
    private final Orders orders;
    private final OrderSteps steps;
    private final Receipts receipts;
    private final CapacityView capacity;
    private final ProgressBook progress;
    private final Quotes quotes;
    private volatile OrderChannels channels;

    @Activate
    public JdbcProcurementService(@Reference(target = ProcurementSchema.READY) SchemaReady schema,
            @Reference CatalogueService catalogue, @Reference DepotService depots, @Reference StockLedger stock,
            @Reference FundingService funding, @Reference AuditTrail audit, @Reference IdempotencyKeys keys,
            @Reference EventOutbox outbox, @Reference ChannelGateway gateway) {
        ctx = new ProcurementContext(schema.dataSource(), catalogue, depots, stock, funding, audit, keys, outbox);
        channels = gateway == null ? NoChannels.INSTANCE : new GatewayChannels(gateway, ctx);
        suppliers = new Suppliers(ctx);
        orders = new Orders(ctx);
        steps = new OrderSteps(ctx, orders, () -> channels);
        receipts = new Receipts(ctx, orders);
        capacity = new CapacityView(ctx);
        progress = new ProgressBook(ctx);
        quotes = new Quotes(ctx, orders, () -> channels);
    }

    /** For tests: the clock of every date and time the service records. */
    void clock(Clock c) {
        ctx.clock(c);
    }

    /** For tests: the channels' side of placing and cancelling. */
    void channels(OrderChannels c) {
        channels = c == null ? NoChannels.INSTANCE : c;
    }

    ProgressBook progressBook() {
        return progress;
    }

    @Override
    public Supplier createSupplier(Caller caller, NewSupplier supplier, String idempotencyKey) {
        return suppliers.create(caller, supplier, idempotencyKey);
    }

    @Override
    public Supplier supplier(Caller caller, long supplierId) {
        return suppliers.get(caller, supplierId);
    }

    @Override
    public Page<Supplier> suppliers(Caller caller, Long itemId, int limit, String cursor) {
        return suppliers.list(caller, itemId, limit, cursor);
    }

    @Override
    public List<CapacityOffer> capacity(Caller caller, long itemId, LocalDate by) {
        return capacity.capacity(caller, itemId, by);
    }

    @Override
    public PurchaseOrder createOrder(Caller caller, NewOrder order, String idempotencyKey) {
        return orders.create(caller, order, idempotencyKey);
    }

    @Override
    public PurchaseOrder order(Caller caller, long orderId) {
        return orders.get(caller, orderId);
    }

    @Override
    public Page<PurchaseOrder> orders(Caller caller, OrderFilter filter, int limit, String cursor) {
        return orders.list(caller, filter, limit, cursor);
    }

    @Override
    public PurchaseOrder updateDraft(Caller caller, long orderId, Long expectedVersion, NewOrder order,
            String idempotencyKey) {
        return orders.update(caller, orderId, expectedVersion, order, idempotencyKey);
    }

    @Override
    public StoredQuote requestQuote(Caller caller, String channelId, QuoteRequest request, String idempotencyKey) {
        return quotes.request(caller, channelId, request, idempotencyKey);
    }

    @Override
    public StoredQuote quote(Caller caller, long quoteId) {
        return quotes.get(caller, quoteId);
    }

    @Override
    public Page<StoredQuote> quotes(Caller caller, QuoteFilter filter, int limit, String cursor) {
        return quotes.list(caller, filter, limit, cursor);
    }

    @Override
    public PurchaseOrder orderFromQuote(Caller caller, long quoteId, QuoteOrder order, String idempotencyKey) {
        return quotes.order(caller, quoteId, order, idempotencyKey);
    }

    @Override
    public PurchaseOrder submit(Caller caller, long orderId, String idempotencyKey) {
        return orders.submit(caller, orderId, idempotencyKey);
    }

    @Override
    public PurchaseOrder approve(Caller caller, long orderId, String justification, String idempotencyKey) {
        return steps.approve(caller, orderId, justification, idempotencyKey);
    }

    @Override
    public PurchaseOrder place(Caller caller, long orderId, String idempotencyKey) {
        return steps.place(caller, orderId, idempotencyKey);
    }

    @Override
    public PurchaseOrder cancel(Caller caller, long orderId, String reason, String idempotencyKey) {
        return steps.cancel(caller, orderId, reason, idempotencyKey);
    }

    @Override
    public GoodsReceipt receive(Caller caller, long orderId, ReceiptRequest receipt, String idempotencyKey) {
        return receipts.receive(caller, orderId, receipt, idempotencyKey);
    }

    @Override
    public List<GoodsReceipt> receipts(Caller caller, long orderId) {
        return receipts.receipts(caller, orderId);
    }

    @Override
    public List<OrderProgress> progress(Caller caller, long orderId) {
        return progress.list(caller, orderId);
    }

    @Override
    public java.util.Optional<org.tongpao.procurement.OrderSnapshot> snapshot(java.sql.Connection c, long orderId) {
        return new OrderReplicas(ctx).snapshot(c, orderId);
    }

    @Override
    public PurchaseOrder replicate(Caller caller, String node, org.tongpao.procurement.OrderSnapshot snapshot) {
        return new OrderReplicas(ctx).replicate(caller, node, snapshot);
    }

    @Override
    public ReplicaNumbering replicaNumbering(Caller caller, String node) {
        return new OrderReplicas(ctx).numbering(caller, node);
    }

    @Override
    public void continueNumberingAbove(Caller caller, long orderId) {
        new OrderReplicas(ctx).continueNumberingAbove(caller, orderId);
    }
}
