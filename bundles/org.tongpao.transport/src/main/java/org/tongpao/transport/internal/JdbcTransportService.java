package org.tongpao.transport.internal;

import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.NeedService;
import org.tongpao.allocation.spi.EntryGate;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.CarrierQuote;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.QuoteRequest;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentReturn;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.TransportService;
import org.tongpao.transport.UnmatchedEvent;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.TrackingEvent;

/**
 * The transport service: a facade over its parts (carrier directory and contracts, quotes, booking, commands,
 * tracking intake, receipts, the SLA scan), which share one {@link TransportContext}.
 */
@Component(service = {TransportService.class, JdbcTransportService.class})
public class JdbcTransportService implements TransportService {
    /** What the scope rules call shipments in their messages. */
    static final String WHAT = "shipments";

    private final TransportContext ctx;
    private final CarrierContracts contracts;
    private final CarrierDirectory directory;
    private final QuoteService quotes;
    private final ShipmentReader reader;
    private final BookingService booking;
    private final ShipmentCommands commands;
    private final TrackingIntake intake;
    private final ShipmentReceipts receipts;
    private final SlaScanner scanner;
    private final ShipmentReturns returns;

    @Activate
    public JdbcTransportService(@Reference(target = "(tongpao.schema=transport)") SchemaReady schema,
            @Reference CarrierRegistry registry, @Reference AllocationService allocation, @Reference NeedService needs,
            @Reference DepotService depots, @Reference OrgUnitService units, @Reference NodeIdentity node, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        ctx = new TransportContext(schema.dataSource(), registry, allocation, needs, depots, units, node, audit, keys,
                outbox);
        Scope scope = new Scope(ctx);
        Places places = new Places(ctx);
        contracts = new CarrierContracts(ctx);
        directory = new CarrierDirectory(ctx, contracts);
        quotes = new QuoteService(ctx, places);
        reader = new ShipmentReader(ctx, scope);
        intake = new TrackingIntake(ctx, scope);
        booking = new BookingService(ctx, scope, places, new BookingChecks(ctx, directory), contracts, intake);
        commands = new ShipmentCommands(ctx, scope);
        receipts = new ShipmentReceipts(ctx, scope, intake);
        scanner = new SlaScanner(ctx, intake, receipts);
        returns = new ShipmentReturns(ctx, scope, booking, commands);
    }

    /** The entry gates (tongpao-passes): a key-area shipment is handed over only when they let its goods in. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEntryGate(EntryGate gate) {
        ctx.gates.add(gate);
    }

    void unbindEntryGate(EntryGate gate) {
        ctx.gates.remove(gate);
    }

    @Deactivate
    void deactivate() {
        quotes.close();
    }

    /** For tests: the clock the SLA and the event checks use. */
    void clock(Clock c) {
        ctx.clock(c);
    }

    @Override
    public List<CarrierInfo> carriers(Caller caller) {
        return directory.carriers(caller);
    }

    @Override
    public CarrierInfo carrier(Caller caller, String carrierId) {
        return directory.carrier(caller, carrierId);
    }

    @Override
    public CarrierInfo setContract(Caller caller, String carrierId, ServicePromise promise, String idempotencyKey) {
        contracts.set(caller, carrierId, promise, idempotencyKey);
        return directory.info(carrierId);
    }

    @Override
    public List<CarrierQuote> quotes(Caller caller, QuoteRequest request) {
        return quotes.quotes(caller, request);
    }

    @Override
    public Page<Shipment> shipments(Caller caller, ShipmentFilter filter, int limit, String cursor) {
        return reader.shipments(caller, filter, limit, cursor);
    }

    @Override
    public Shipment shipment(Caller caller, long id) {
        return reader.shipment(caller, id);
    }

    @Override
    public List<ShipmentEvent> events(Caller caller, long shipmentId) {
        return reader.events(caller, shipmentId);
    }

    @Override
    public Shipment book(Caller caller, NewShipment command, String idempotencyKey) {
        return reader.view(booking.book(caller, command, idempotencyKey));
    }

    @Override
    public Shipment rebook(Caller caller, long id, String carrierId, String idempotencyKey) {
        return reader.view(booking.rebook(caller, id, carrierId));
    }

    @Override
    public Shipment cancel(Caller caller, long id, String reason, String idempotencyKey) {
        return reader.view(commands.cancel(caller, id, reason, idempotencyKey));
    }

    @Override
    public Shipment attachPass(Caller caller, long id, EntryPass pass, String idempotencyKey) {
        return reader.view(commands.attachPass(caller, id, pass, idempotencyKey));
    }

    @Override
    public Shipment dispatch(Caller caller, long id, String idempotencyKey) {
        return reader.view(commands.dispatch(caller, id, idempotencyKey));
    }

    @Override
    public TrackingReceipt record(Caller caller, long id, List<TrackingEvent> events) {
        return intake.record(caller, id, events);
    }

    @Override
    public TrackingReceipt push(Caller caller, String carrierId, List<TrackingEvent> events) {
        return intake.push(caller, carrierId, events);
    }

    @Override
    public Shipment receive(Caller caller, long id, List<LineReceipt> lines, String idempotencyKey) {
        return reader.view(receipts.receive(caller, id, lines, idempotencyKey));
    }

    @Override
    public Shipment recall(Caller caller, long id, String reason, String idempotencyKey) {
        return reader.view(returns.recall(caller, id, reason, idempotencyKey));
    }

    @Override
    public ShipmentReturn shipmentReturn(Caller caller, long id) {
        return returns.get(caller, id);
    }

    @Override
    public Shipment receiveReturn(Caller caller, long id, String note, String idempotencyKey) {
        return reader.view(returns.receiveBack(caller, id, note, idempotencyKey));
    }

    @Override
    public Shipment rebookReturn(Caller caller, long id, String carrierId, String idempotencyKey) {
        return reader.view(returns.rebook(caller, id, carrierId, idempotencyKey));
    }

    @Override
    public Page<UnmatchedEvent> unmatched(Caller caller, String carrierId, int limit, String cursor) {
        return intake.unmatched(caller, carrierId, limit, cursor);
    }

    /** Events pushed by a carrier's bundle through its {@link BundleTrackingSink}. */
    TrackingReceipt pushFromBundle(String carrierId, List<TrackingEvent> events) {
        return intake.pushFromBundle(carrierId, events);
    }

    /** Batch lines received through the batch's own endpoint ({@link ShipmentReceiptSync}). */
    void linesReceived(Caller caller, Batch batch, List<BatchLine> received) {
        receipts.linesReceived(caller, batch, received);
    }

    /** One pass of the SLA watch ({@link SlaWatch}). */
    public ScanResult scan() {
        return scanner.scan();
    }
}
