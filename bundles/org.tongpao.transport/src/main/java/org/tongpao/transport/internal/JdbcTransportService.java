package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.AllocationService;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.KeyArea;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.Depot;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.ScopeRules;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.CarrierInfo;
import org.tongpao.transport.CarrierQuote;
import org.tongpao.transport.QuoteRequest;
import org.tongpao.transport.CarrierPerformance;
import org.tongpao.transport.EntryPass;
import org.tongpao.transport.NewShipment;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.ShipmentEvent;
import org.tongpao.transport.ShipmentFilter;
import org.tongpao.transport.ShipmentStatus;
import org.tongpao.transport.Sla;
import org.tongpao.transport.SlaMilestone;
import org.tongpao.transport.SlaState;
import org.tongpao.transport.TrackingReceipt;
import org.tongpao.transport.TransportService;
import org.tongpao.transport.TransportTopics;
import org.tongpao.transport.api.Booking;
import org.tongpao.transport.api.CarrierProfile;
import org.tongpao.transport.api.Place;
import org.tongpao.transport.api.ProofOfDelivery;
import org.tongpao.transport.api.Quote;
import org.tongpao.transport.api.ServicePromise;
import org.tongpao.transport.api.ShipmentOrder;
import org.tongpao.transport.api.TrackingEvent;
import org.tongpao.transport.api.TrackingMode;
import org.tongpao.transport.api.TrackingStatus;

/** Shipments in {@code tp_tr_shipment}, their timeline, the carriers' contracts and the SLA flags. */
@Component(service = {TransportService.class, JdbcTransportService.class})
public class JdbcTransportService implements TransportService {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransportService.class);
    private static final String WHAT = "shipments";
    /** How far in the future a reported event may lie (clocks differ). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    static final int MAX_EVENTS = 500;
    /** How long a pushed event may wait for its booking's answer. */
    static final Duration PARKED_FOR = Duration.ofHours(1);
    private static final String OPEN = "status IN ('BOOKED','ACCEPTED','DISPATCHED','PICKED_UP','IN_TRANSIT','AT_CHECKPOINT',"
            + "'EXCEPTION')";
    private static final String BREACHED = "((accepted_at IS NULL AND accept_due <= ?) OR (picked_up_at IS NULL AND pickup_due <= ?)"
            + " OR (delivered_at IS NULL AND delivery_due <= ?))";
    private static final String AT_RISK = "((accepted_at IS NULL AND accept_warn <= ?) OR (picked_up_at IS NULL AND pickup_warn <= ?)"
            + " OR (delivered_at IS NULL AND delivery_warn <= ?))";

    private final DataSource ds;
    private final CarrierRegistry registry;
    private final AllocationService allocation;
    private final NeedService needs;
    private final DepotService depots;
    private final OrgUnitService units;
    private final NodeIdentity node;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private volatile Clock clock = Clock.systemUTC();
    /** Asks carriers for quotes side by side; each call still runs on its carrier's pool with its time limit. */
    private final java.util.concurrent.ExecutorService quoting = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tongpao-quotes");
        t.setDaemon(true);
        return t;
    });
    /** Bookings being made right now, per carrier: while there are some, pushes for unknown waybills are parked. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    public JdbcTransportService(@Reference TransportDatabase db, @Reference CarrierRegistry registry,
            @Reference AllocationService allocation, @Reference NeedService needs, @Reference DepotService depots,
            @Reference OrgUnitService units, @Reference NodeIdentity node, @Reference AuditTrail audit,
            @Reference IdempotencyKeys keys) {
        this.ds = db.dataSource();
        this.registry = registry;
        this.allocation = allocation;
        this.needs = needs;
        this.depots = depots;
        this.units = units;
        this.node = node;
        this.audit = audit;
        this.keys = keys;
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        quoting.shutdownNow();
    }

    /** For tests: the clock the SLA and the event checks use. */
    void clock(Clock c) {
        this.clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- carriers

    @Override
    public List<CarrierInfo> carriers(Caller caller) {
        requireReader(caller);
        Set<String> ids = new TreeSet<>(registry.ids());
        Transactions.read(ds, c -> {
            ids.addAll(strings(c, "SELECT carrier_id FROM tp_tr_contract"));
            ids.addAll(strings(c, "SELECT DISTINCT carrier_id FROM tp_tr_shipment"));
            return null;
        });
        String own = partnerOf(caller);
        return ids.stream().filter(id -> own == null || own.equals(id)).map(this::info).toList();
    }

    @Override
    public CarrierInfo carrier(Caller caller, String carrierId) {
        requireReader(caller);
        String own = partnerOf(caller);
        if (own != null && !own.equals(carrierId)) {
            throw new NotFoundException("Carrier", carrierId);
        }
        CarrierInfo info = info(carrierId);
        if (!info.available() && info.promise() == null && info.performance().delivered() == 0
                && !hasShipments(carrierId)) {
            throw new NotFoundException("Carrier", carrierId);
        }
        return info;
    }

    private boolean hasShipments(String carrierId) {
        return Transactions.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM tp_tr_shipment WHERE carrier_id = ? FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, carrierId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private CarrierInfo info(String id) {
        CarrierProfile profile = null;
        String problem = null;
        boolean available = registry.isAvailable(id);
        if (available) {
            try {
                profile = registry.profile(id);
                problem = registry.lastProblem(id).orElse(null);
            } catch (CarrierFailure f) {
                problem = f.getMessage();
                available = false;
            }
        } else {
            problem = "carrier " + id + " is not installed";
        }
        ServicePromise contract = Transactions.read(ds, c -> contract(c, id));
        ServicePromise promise = contract != null ? contract : profile == null ? null : profile.promise();
        String source = contract != null ? "CONTRACT" : profile == null ? null : "CARRIER";
        return new CarrierInfo(id, available, problem, profile, promise, source, performance(id));
    }

    private CarrierPerformance performance(String id) {
        Instant now = now();
        return Transactions.read(ds, c -> {
            long delivered;
            long onTime;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN delivered_at <= delivery_due "
                    + "THEN 1 ELSE 0 END) FROM tp_tr_shipment WHERE carrier_id = ? AND delivered_at IS NOT NULL "
                    + "AND delivery_due IS NOT NULL")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    delivered = rs.getLong(1);
                    onTime = rs.getLong(2);
                }
            }
            long breaches;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tp_tr_shipment WHERE carrier_id = ? AND "
                    + OPEN + " AND " + BREACHED)) {
                ps.setString(1, id);
                for (int i = 2; i <= 4; i++) {
                    Sql.setInstant(ps, i, now);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    breaches = rs.getLong(1);
                }
            }
            return new CarrierPerformance(delivered, onTime, delivered == 0 ? null : (double) onTime / delivered, breaches);
        });
    }

    @Override
    public CarrierInfo setContract(Caller caller, String carrierId, ServicePromise promise, String idempotencyKey) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("Only a ministry-admin may set a carrier's contract");
        }
        if (carrierId == null || !CarrierRegistry.ID.matcher(carrierId).matches()) {
            throw new ValidationException("carrierId", "a carrier id is 1-32 lower-case letters, digits or '-'");
        }
        Objects.requireNonNull(promise, "promise");
        requireMilestonesInOrder(promise);
        keys.execute(ds, caller, idempotencyKey, "carrier.contract:" + carrierId, promise, c -> {
            ServicePromise before = contract(c, carrierId);
            String byProvince = ContractCodec.encode(promise.deliverWithinByProvince());
            Instant now = Sql.now();
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE tp_tr_contract SET accept_within_s = ?, pickup_within_s = ?, "
                    + "deliver_within_s = ?, deliver_by_province = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                    + "WHERE carrier_id = ?")) {
                ps.setLong(1, promise.acceptWithin().toSeconds());
                ps.setLong(2, promise.pickupWithin().toSeconds());
                ps.setLong(3, promise.deliverWithin().toSeconds());
                ps.setString(4, byProvince);
                ps.setString(5, caller.user());
                Sql.setInstant(ps, 6, now);
                ps.setString(7, carrierId);
                n = ps.executeUpdate();
            }
            if (n == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO tp_tr_contract (carrier_id, accept_within_s, "
                        + "pickup_within_s, deliver_within_s, deliver_by_province, updated_by, updated_at, version) "
                        + "VALUES (?,?,?,?,?,?,?,1)")) {
                    ps.setString(1, carrierId);
                    ps.setLong(2, promise.acceptWithin().toSeconds());
                    ps.setLong(3, promise.pickupWithin().toSeconds());
                    ps.setLong(4, promise.deliverWithin().toSeconds());
                    ps.setString(5, byProvince);
                    ps.setString(6, caller.user());
                    Sql.setInstant(ps, 7, now);
                    ps.executeUpdate();
                }
            }
            audit.record(c, caller, "carrier-contract", carrierId, n == 0 ? "CREATE" : "UPDATE", before, promise);
            return new IdempotencyKeys.Ref("carrier-contract", carrierId);
        });
        return info(carrierId);
    }

    /** Accepting comes before picking up, picking up before delivering: 400 naming the first field out of order. */
    static void requireMilestonesInOrder(ServicePromise p) {
        if (p.pickupWithin().compareTo(p.acceptWithin()) < 0) {
            throw new ValidationException("pickupWithin", "pick-up (" + p.pickupWithin() + ") is due before acceptance ("
                    + p.acceptWithin() + ")");
        }
        if (p.deliverWithin().compareTo(p.pickupWithin()) < 0) {
            throw new ValidationException("deliverWithin", "delivery (" + p.deliverWithin() + ") is due before pick-up ("
                    + p.pickupWithin() + ")");
        }
        new java.util.TreeMap<>(p.deliverWithinByProvince()).forEach((province, d) -> {
            if (d.compareTo(p.pickupWithin()) < 0) {
                throw new ValidationException("deliverWithinByProvince[" + province + "]", "delivery into province "
                        + province + " (" + d + ") is due before pick-up (" + p.pickupWithin() + ")");
            }
        });
    }

    private static ServicePromise contract(Connection c, String carrierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tp_tr_contract WHERE carrier_id = ?")) {
            ps.setString(1, carrierId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ServicePromise(Duration.ofSeconds(rs.getLong("accept_within_s")),
                        Duration.ofSeconds(rs.getLong("pickup_within_s")), Duration.ofSeconds(rs.getLong("deliver_within_s")),
                        ContractCodec.decode(rs.getString("deliver_by_province")));
            }
        }
    }

    @Override
    public List<CarrierQuote> quotes(Caller caller, QuoteRequest request) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        Caller system = Caller.system(caller.requestId());
        // both depots named: unknown or outside the caller's scope is the same 404 naming the field
        Depot from = depot(system, visibleDepot(caller, request.fromDepotId(), "fromDepotId"), "fromDepotId");
        Depot to = depot(system, visibleDepot(caller, request.toDepotId(), "toDepotId"), "toDepotId");
        // a quote books nothing: its reference only ties the carriers' logs to this request
        String ref = ("Q-" + caller.requestId().replaceAll("[^A-Za-z0-9-]", ""));
        ShipmentOrder order = new ShipmentOrder(ref.substring(0, Math.min(40, ref.length())), place(from), place(to), request.packages(), request.weightKg(), request.mode(), now(), null,
                keyArea(system, to) != null, null);
        List<java.util.concurrent.CompletableFuture<CarrierQuote>> asked = new ArrayList<>();
        for (String id : registry.ids()) {
            asked.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> quote(id, order), quoting));
        }
        return asked.stream().map(java.util.concurrent.CompletableFuture::join)
                .sorted(Comparator.comparing((CarrierQuote q) -> q.quote() == null)
                        .thenComparing(q -> q.quote() == null ? java.math.BigDecimal.ZERO : q.quote().price())
                        .thenComparing(CarrierQuote::carrierId))
                .toList();
    }

    private CarrierQuote quote(String id, ShipmentOrder order) {
        String name = null;
        try {
            CarrierProfile p = registry.profile(id);
            name = p.name();
            if (!p.serves(order.to().provinceCode())) {
                return new CarrierQuote(id, name, null, "does not deliver to province " + order.to().provinceCode());
            }
            if (order.weightKg().compareTo(p.maxWeightKg()) > 0) {
                return new CarrierQuote(id, name, null, "takes at most " + p.maxWeightKg() + " kg");
            }
            if (order.mode() != null && !p.modes().contains(order.mode())) {
                return new CarrierQuote(id, name, null, "offers " + p.modes());
            }
            return new CarrierQuote(id, name, registry.call(id, "quote", c -> c.quote(order)), null);
        } catch (CarrierFailure f) {
            return new CarrierQuote(id, name, null, f.getMessage());
        }
    }

    // ---------------------------------------------------------------- reading shipments

    @Override
    public Page<Shipment> shipments(Caller caller, ShipmentFilter filter, int limit, String cursor) {
        ShipmentFilter f = filter == null ? ShipmentFilter.all() : filter;
        StringBuilder where = new StringBuilder("id > ?");
        List<Object> args = new ArrayList<>(List.of(Paging.after(cursor)));
        String partner = partnerOf(caller);
        if (partner != null) {
            where.append(" AND carrier_id = ?");
            args.add(partner);
        } else {
            switch (ScopeRules.readReach(caller)) {
                case ALL -> { }
                case PROVINCE -> {
                    where.append(" AND (from_province = ? OR to_province = ?)");
                    args.add(caller.provinceCode());
                    args.add(caller.provinceCode());
                }
                case DEPOT -> {
                    where.append(" AND (from_depot_code = ? OR to_depot_code = ?)");
                    args.add(caller.depotCode());
                    args.add(caller.depotCode());
                }
                case NONE -> throw new AccessDeniedException("The caller's role may not read " + WHAT);
            }
        }
        if (f.carrierId() != null) {
            where.append(" AND carrier_id = ?");
            args.add(f.carrierId());
        }
        if (f.status() != null) {
            where.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.province() != null) {
            where.append(" AND (from_province = ? OR to_province = ?)");
            args.add(f.province());
            args.add(f.province());
        }
        if (f.batchId() != null) {
            where.append(" AND batch_id = ?");
            args.add(f.batchId());
        }
        Instant now = now();
        if (f.sla() != null) {
            switch (f.sla()) {
                case BREACHED -> {
                    where.append(" AND ").append(OPEN).append(" AND ").append(BREACHED);
                    args.addAll(List.of(now, now, now));
                }
                case AT_RISK -> {
                    where.append(" AND ").append(OPEN).append(" AND NOT ").append(BREACHED).append(" AND ").append(AT_RISK);
                    args.addAll(List.of(now, now, now, now, now, now));
                }
                default -> throw new ValidationException("sla", "filter by sla=BREACHED or sla=AT_RISK");
            }
        }
        List<Shipment> rows = Transactions.read(ds, c -> ShipmentDao.query(c, where.toString(), args,
                Paging.orderAndFetch("id", limit))).stream().map(r -> view(r, now)).toList();
        return Paging.page(rows, limit, Shipment::id);
    }

    @Override
    public Shipment shipment(Caller caller, long id) {
        return view(readable(caller, id), now());
    }

    @Override
    public List<ShipmentEvent> events(Caller caller, long shipmentId) {
        readable(caller, shipmentId);
        return Transactions.read(ds, c -> ShipmentDao.events(c, shipmentId));
    }

    private ShipmentDao.Row readable(Caller caller, long id) {
        ShipmentDao.Row r = Transactions.read(ds, c -> ShipmentDao.get(c, id));
        ScopeRules.requireVisible(canRead(caller, r), ShipmentDao.LABEL, id);
        return r;
    }

    private ShipmentDao.Row writable(Caller caller, long id) {
        ShipmentDao.Row r = readable(caller, id);
        if (!caller.canWriteProvince(r.fromProvince()) && !caller.canWriteProvince(r.toProvince())) {
            throw new AccessDeniedException(caller.isReadOnly() ? "Auditors have read-only access"
                    : "Shipment " + r.number() + " is outside the caller's scope");
        }
        return r;
    }

    static boolean canRead(Caller caller, ShipmentDao.Row r) {
        String partner = partnerOf(caller);
        if (partner != null) {
            return partner.equals(r.carrierId());
        }
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(r.fromProvince()) || caller.provinceCode().equals(r.toProvince());
            case DEPOT -> caller.depotCode().equals(r.fromDepotCode()) || caller.depotCode().equals(r.toDepotCode());
            case NONE -> false;
        };
    }

    /** The carrier a partner account speaks for, or null for any other caller. */
    static String partnerOf(Caller caller) {
        if (!caller.hasRole(Roles.PARTNER) || caller.isMinistry()) {
            return null;
        }
        return caller.roles().stream().filter(r -> r.startsWith(Roles.PARTNER_SCOPE_PREFIX))
                .map(r -> r.substring(Roles.PARTNER_SCOPE_PREFIX.length())).sorted().findFirst().orElse("");
    }

    private static void requireReader(Caller caller) {
        if (partnerOf(caller) == null && ScopeRules.readReach(caller) == ScopeRules.Reach.NONE) {
            throw new AccessDeniedException("The caller's role may not read carriers");
        }
    }

    Shipment view(ShipmentDao.Row r, Instant now) {
        Sla sla = r.deadlines() == null ? null : SlaClock.evaluate(r.deadlines(), r.progress(), r.status().isOpen(), now);
        return new Shipment(r.id(), r.number(), r.batchId(), r.batchNumber(), r.fromDepotId(), r.fromDepotCode(),
                r.fromProvince(), r.toDepotId(), r.toDepotCode(), r.toProvince(), r.keyArea(), r.keyAreaLabel(),
                r.carrierId(), registry.isAvailable(r.carrierId()), r.waybill(), r.status(), r.failure(), r.packages(),
                r.weightKg(), r.mode(), r.deliverBy(), r.notes(), r.quotedPrice(), r.quotedCurrency(), r.bookedAt(),
                r.acceptedAt(), r.pickedUpAt(), r.deliveredAt(), r.dispatchedAt(), r.dispatchedBy(), r.receivedAt(),
                r.receivedBy(), r.proof(), r.pass(), sla, r.createdBy(), r.createdAt(), r.updatedAt(), r.version());
    }

    // ---------------------------------------------------------------- booking

    @Override
    public Shipment book(Caller caller, NewShipment cmd, String idempotencyKey) {
        ScopeRules.requireScopedWriter(caller, WHAT);
        if (cmd.carrierId() == null || cmd.carrierId().isBlank()) {
            throw new ValidationException("carrierId", "carrierId is required");
        }
        if (cmd.packages() == null || cmd.packages() < 1) {
            throw new ValidationException("packages", "packages must be at least 1");
        }
        if (cmd.weightKg() == null || cmd.weightKg().signum() <= 0) {
            throw new ValidationException("weightKg", "weightKg must be positive");
        }
        if (cmd.deliverBy() != null && !cmd.deliverBy().isAfter(now().minus(CLOCK_SKEW))) {
            throw new ValidationException("deliverBy", "deliverBy " + cmd.deliverBy() + " lies in the past");
        }
        // a batch or depots the caller cannot see answer like unknown ones (404 naming the field); a batch's
        // own depots may lie in another province (mutual aid), a shipment without a batch stays in scope
        Batch batch = cmd.batchId() == null ? null
                : ScopeRules.namedInBody("batchId", cmd.batchId(), () -> allocation.batch(caller, cmd.batchId()));
        long[] pair = pair(cmd, batch);
        if (batch == null) {
            visibleDepot(caller, pair[0], "fromDepotId");
            visibleDepot(caller, pair[1], "toDepotId");
        }
        Caller system = Caller.system(caller.requestId());
        Depot from = depot(system, pair[0], "fromDepotId");
        Depot to = depot(system, pair[1], "toDepotId");
        if (from.id() == to.id()) {
            throw new ValidationException("toDepotId", "a shipment goes to another depot");
        }
        if (!caller.canWriteProvince(from.provinceCode()) && !caller.canWriteProvince(to.provinceCode())) {
            throw new AccessDeniedException("Neither depot of the shipment is in the caller's province");
        }
        checkCarrier(cmd.carrierId(), to.provinceCode(), cmd);
        KeyArea area = keyArea(system, to);
        String batchNumber = batch == null ? null : batch.number();
        String prefix = "SH-" + node.provinceCode().orElse("C") + "-";
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "shipment.book", cmd, c -> {
            Instant now = Sql.now();
            ShipmentDao.Row draft = new ShipmentDao.Row(0, "NEW-" + java.util.UUID.randomUUID(), cmd.batchId(),
                    batchNumber, from.id(), from.code(), from.provinceCode(), to.id(), to.code(), to.provinceCode(),
                    area != null, area == null ? null : area.label(), cmd.carrierId(), null, ShipmentStatus.BOOKING_FAILED,
                    "not booked yet", cmd.packages(), cmd.weightKg(), cmd.mode(), cmd.deliverBy(), cmd.notes(), null, null,
                    null, null, null, null, null, null, null, null, null, null, null, caller.user(), now, now, 1);
            long id = ShipmentDao.insert(c, draft);
            ShipmentDao.setNumber(c, id, String.format("%s%06d", prefix, id));
            audit.record(c, caller, "shipment", Long.toString(id), "CREATE", null, ShipmentDao.get(c, id));
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
        long id = Long.parseLong(out.ref().id());
        ShipmentDao.Row r = Transactions.read(ds, c -> ShipmentDao.get(c, id));
        if (!out.repeat()) {
            r = attemptBooking(caller, r);
        }
        return view(r, now());
    }

    @Override
    public Shipment rebook(Caller caller, long id, String carrierId, String idempotencyKey) {
        ShipmentDao.Row r = writable(caller, id);
        if (r.status() != ShipmentStatus.BOOKING_FAILED) {
            if (r.waybill() != null && (carrierId == null || carrierId.equals(r.carrierId()))) {
                return view(r, now()); // booked already: a repeat of a successful rebook
            }
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; only a failed booking is retried");
        }
        String carrier = carrierId == null ? r.carrierId() : carrierId;
        if (!carrier.equals(r.carrierId())) {
            checkCarrier(carrier, r.toProvince(), new NewShipment(r.batchId(), null, null, carrier, r.packages(),
                    r.weightKg(), r.mode(), r.deliverBy(), r.notes()));
            Transactions.inTransaction(ds, c -> {
                ShipmentDao.Row before = ShipmentDao.get(c, id);
                if (!ShipmentDao.update(c, before, "carrier_id = ?", carrier)) {
                    throw stale(before);
                }
                audit.record(c, caller, "shipment", Long.toString(id), "CHANGE_CARRIER", before.carrierId(), carrier);
                return null;
            });
        }
        return view(attemptBooking(caller, Transactions.read(ds, c -> ShipmentDao.get(c, id))), now());
    }

    private long[] pair(NewShipment cmd, Batch b) {
        if (b == null) {
            if (cmd.fromDepotId() == null) {
                throw new ValidationException("fromDepotId", "give batchId, or fromDepotId and toDepotId");
            }
            if (cmd.toDepotId() == null) {
                throw new ValidationException("toDepotId", "give batchId, or fromDepotId and toDepotId");
            }
            return new long[] {cmd.fromDepotId(), cmd.toDepotId()};
        }
        if (b.status() != BatchStatus.APPROVED && b.status() != BatchStatus.PARTLY_DISPATCHED
                && b.status() != BatchStatus.DISPATCHED && b.status() != BatchStatus.PARTLY_RECEIVED) {
            throw new ConflictException("Batch " + b.number() + " is " + b.status() + "; ship an approved batch whose "
                    + "goods are not all received");
        }
        Set<List<Long>> pairs = new java.util.LinkedHashSet<>();
        for (BatchLine l : b.lines()) {
            if ((cmd.fromDepotId() == null || cmd.fromDepotId() == l.fromDepotId())
                    && (cmd.toDepotId() == null || cmd.toDepotId() == l.toDepotId())) {
                pairs.add(List.of(l.fromDepotId(), l.toDepotId()));
            }
        }
        if (pairs.isEmpty()) {
            throw new ValidationException(cmd.fromDepotId() != null ? "fromDepotId" : "toDepotId",
                    "batch " + b.number() + " has no line between these depots");
        }
        if (pairs.size() > 1) {
            throw new ValidationException("fromDepotId", "batch " + b.number() + " moves goods between " + pairs.size()
                    + " pairs of depots; give fromDepotId and toDepotId to ship one of them");
        }
        List<Long> p = pairs.iterator().next();
        return new long[] {p.get(0), p.get(1)};
    }

    /** A depot named in the body that the caller must see: unknown or invisible is the same 404. */
    private long visibleDepot(Caller caller, Long id, String field) {
        return ScopeRules.namedInBody(field, id, () -> depots.get(caller, id)).id();
    }

    private Depot depot(Caller system, long id, String field) {
        try {
            Depot d = depots.get(system, id);
            if (!d.active()) {
                throw new ValidationException(field, "depot " + d.code() + " is inactive");
            }
            if (d.provinceCode() == null && "toDepotId".equals(field)) {
                throw new ValidationException(field, "depot " + d.code() + " belongs to no province");
            }
            return d;
        } catch (NotFoundException e) {
            throw NotFoundException.ofField(field, id);
        }
    }

    private CarrierProfile checkCarrier(String carrierId, String toProvince, NewShipment cmd) {
        if (!registry.isAvailable(carrierId)) {
            if (!CarrierRegistry.ID.matcher(carrierId).matches() || !Transactions.read(ds, c -> contract(c, carrierId) != null)
                    && !hasShipments(carrierId)) {
                throw new ValidationException("carrierId", "no carrier '" + carrierId + "'; installed: " + registry.ids());
            }
            throw new ConflictException("Carrier " + carrierId + " is not available (its bundle is not installed)");
        }
        CarrierProfile p;
        try {
            p = registry.profile(carrierId);
        } catch (CarrierFailure f) {
            throw new ConflictException(f.getMessage());
        }
        if (!p.serves(toProvince)) {
            throw new ValidationException("carrierId", "carrier " + carrierId + " does not deliver to province " + toProvince);
        }
        if (cmd.weightKg().compareTo(p.maxWeightKg()) > 0) {
            throw new ValidationException("weightKg", "carrier " + carrierId + " takes at most " + p.maxWeightKg() + " kg");
        }
        if (cmd.mode() != null && !p.modes().contains(cmd.mode())) {
            throw new ValidationException("mode", "carrier " + carrierId + " offers " + p.modes());
        }
        return p;
    }

    /** The key area the depot lies in: its province declared whole, or an org unit above the depot's. */
    private KeyArea keyArea(Caller system, Depot d) {
        List<KeyArea> areas = needs.keyAreas(system);
        if (areas.isEmpty()) {
            return null;
        }
        Set<Long> ancestry = new HashSet<>();
        Long unit = d.orgUnitId();
        while (unit != null && ancestry.add(unit)) {
            OrgUnit u = units.get(system, unit);
            unit = u.parentId();
        }
        return areas.stream().filter(a -> a.orgUnitId() == null ? Objects.equals(a.provinceCode(), d.provinceCode())
                : ancestry.contains(a.orgUnitId())).findFirst().orElse(null);
    }

    private ShipmentOrder order(ShipmentDao.Row r) {
        Caller system = Caller.system("transport");
        Depot from = depots.get(system, r.fromDepotId());
        Depot to = depots.get(system, r.toDepotId());
        Instant now = now();
        return new ShipmentOrder(r.number(), place(from), place(to), r.packages(), r.weightKg(), r.mode(), now,
                r.deliverBy() != null && r.deliverBy().isAfter(now) ? r.deliverBy() : null, r.keyArea(), r.notes());
    }

    private static Place place(Depot d) {
        // a central depot has no province; carriers need one: the ministry sits in Beijing (11)
        return new Place(d.code(), d.provinceCode() == null ? "11" : d.provinceCode(), d.name(), d.address(), null, null);
    }

    /** Quotes and books with the carrier; the outcome (waybill and deadlines, or the failure) is stored. */
    private ShipmentDao.Row attemptBooking(Caller caller, ShipmentDao.Row r) {
        java.util.concurrent.atomic.AtomicInteger counter = inFlight.computeIfAbsent(r.carrierId(),
                k -> new java.util.concurrent.atomic.AtomicInteger());
        counter.incrementAndGet();
        try {
            ShipmentDao.Row result = book(caller, r);
            if (result.waybill() != null) {
                applyParked(result);
                return Transactions.read(ds, c -> ShipmentDao.get(c, r.id()));
            }
            return result;
        } finally {
            counter.decrementAndGet();
        }
    }

    private ShipmentDao.Row book(Caller caller, ShipmentDao.Row r) {
        String carrier = r.carrierId();
        Instant now = now();
        Quote quote;
        Booking booking;
        ServicePromise promise;
        try {
            ShipmentOrder order = order(r);
            CarrierProfile profile = registry.profile(carrier);
            quote = registry.call(carrier, "quote", cr -> cr.quote(order));
            booking = registry.call(carrier, "book", cr -> cr.book(order));
            ServicePromise contract = Transactions.read(ds, c -> contract(c, carrier));
            promise = contract != null ? contract : profile.promise();
        } catch (CarrierFailure f) {
            return failBooking(caller, r, f.getMessage());
        }
        SlaClock.Deadlines d = SlaClock.deadlines(promise, now, r.toProvince(), r.deliverBy());
        try {
            ShipmentDao.Row booked = Transactions.inTransaction(ds, c -> {
                ShipmentDao.Row before = ShipmentDao.get(c, r.id());
                if (before.status() != ShipmentStatus.BOOKING_FAILED) {
                    return before; // a concurrent retry booked it first
                }
                if (!ShipmentDao.update(c, before, "status = ?, waybill = ?, failure = NULL, quoted_price = ?, "
                        + "quoted_currency = ?, booked_at = ?, accept_due = ?, accept_warn = ?, pickup_due = ?, "
                        + "pickup_warn = ?, delivery_due = ?, delivery_warn = ?", ShipmentStatus.BOOKED, booking.waybill(),
                        quote.price(), quote.currency(), now, d.accept().due(), d.accept().warnFrom(), d.pickup().due(),
                        d.pickup().warnFrom(), d.delivery().due(), d.delivery().warnFrom())) {
                    throw stale(before);
                }
                ShipmentDao.Row after = ShipmentDao.get(c, r.id());
                audit.record(c, caller, "shipment", Long.toString(r.id()), "BOOK", null, Map.of("waybill",
                        booking.waybill(), "carrierId", carrier));
                return after;
            });
            Events.post(eventAdmin, TransportTopics.SHIPMENT_BOOKED, booked, caller.user(), caller.requestId(),
                    Map.of("waybill", booked.waybill() == null ? "" : booked.waybill()));
            return booked;
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                return failBooking(caller, r, "carrier " + carrier + " answered with waybill " + booking.waybill()
                        + ", which another shipment already has");
            }
            throw e;
        }
    }

    private ShipmentDao.Row failBooking(Caller caller, ShipmentDao.Row r, String why) {
        LOG.warn("Booking shipment {} with {} failed: {}", r.number(), r.carrierId(), why);
        ShipmentDao.Row failed = Transactions.inTransaction(ds, c -> {
            ShipmentDao.Row before = ShipmentDao.get(c, r.id());
            if (before.status() != ShipmentStatus.BOOKING_FAILED) {
                return before;
            }
            ShipmentDao.update(c, before, "failure = ?", truncate(why, 1000));
            audit.record(c, caller, "shipment", Long.toString(r.id()), "BOOKING_FAILED", null, Map.of("failure", why));
            return ShipmentDao.get(c, r.id());
        });
        Events.post(eventAdmin, TransportTopics.SHIPMENT_BOOKING_FAILED, failed, caller.user(), caller.requestId(),
                Map.of("failure", why));
        return failed;
    }

    // ---------------------------------------------------------------- cancel, pass, dispatch

    @Override
    public Shipment cancel(Caller caller, long id, String reason, String idempotencyKey) {
        ShipmentDao.Row r = writable(caller, id);
        if (r.status() == ShipmentStatus.CANCELLED) {
            return view(r, now());
        }
        if (r.dispatchedAt() != null || !(r.status() == ShipmentStatus.BOOKING_FAILED || r.status() == ShipmentStatus.BOOKED
                || r.status() == ShipmentStatus.ACCEPTED)) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status()
                    + (r.dispatchedAt() != null ? " and dispatched" : "") + "; only a shipment not yet handed over can be cancelled");
        }
        String why = reason == null || reason.isBlank() ? "cancelled by " + caller.user() : reason.strip();
        if (r.waybill() != null) {
            try {
                registry.call(r.carrierId(), "cancel", cr -> {
                    cr.cancel(r.waybill(), why);
                    return Boolean.TRUE;
                });
            } catch (CarrierFailure f) {
                throw new ConflictException("The carrier did not cancel: " + f.getMessage());
            }
        }
        ShipmentDao.Row after = change(caller, id, idempotencyKey, "shipment.cancel:" + id, why, "CANCEL",
                "status = ?, failure = ?", ShipmentStatus.CANCELLED, truncate(why, 1000));
        Events.post(eventAdmin, TransportTopics.SHIPMENT_CANCELLED, after, caller.user(), caller.requestId(), Map.of());
        return view(after, now());
    }

    @Override
    public Shipment attachPass(Caller caller, long id, EntryPass pass, String idempotencyKey) {
        ShipmentDao.Row r = writable(caller, id);
        if (pass == null) {
            throw new ValidationException("number", "an entry pass is required");
        }
        if (!pass.validUntil().isAfter(pass.validFrom())) {
            throw new ValidationException("validUntil", "validUntil must be after validFrom");
        }
        if (!r.status().isOpen() && r.status() != ShipmentStatus.BOOKING_FAILED) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status());
        }
        return view(change(caller, id, idempotencyKey, "shipment.pass:" + id, pass, "PASS",
                "pass_number = ?, pass_authority = ?, pass_valid_from = ?, pass_valid_until = ?, pass_vehicle = ?, pass_driver = ?",
                pass.number().strip(), pass.authority().strip(), pass.validFrom(), pass.validUntil(),
                pass.vehiclePlate().strip(), pass.driver().strip()), now());
    }

    @Override
    public Shipment dispatch(Caller caller, long id, String idempotencyKey) {
        ShipmentDao.Row r = writable(caller, id);
        if (r.dispatchedAt() != null) {
            return view(r, now());
        }
        if (r.waybill() == null || !r.status().isOpen()) {
            throw new ConflictException("Shipment " + r.number() + " is " + r.status() + "; book it before dispatching");
        }
        Instant now = now();
        if (r.keyArea()) {
            if (r.pass() == null) {
                throw new ConflictException("Shipment " + r.number() + " goes into key area " + r.keyAreaLabel()
                        + " and needs an entry pass (PUT /shipments/" + id + "/pass) before dispatch");
            }
            if (!r.pass().validAt(now)) {
                throw new ConflictException("Entry pass " + r.pass().number() + " is valid from " + r.pass().validFrom()
                        + " until " + r.pass().validUntil() + ", not now");
            }
        }
        if (r.batchId() != null) {
            // only this shipment's goods leave: the batch's lines between its two depots
            allocation.dispatchLines(caller, r.batchId(), r.fromDepotId(), r.toDepotId(),
                    IdempotencyKeys.internal("shipment-" + r.number() + "-dispatch"));
        }
        ShipmentStatus next = r.status() == ShipmentStatus.BOOKED || r.status() == ShipmentStatus.ACCEPTED
                ? ShipmentStatus.DISPATCHED : r.status();
        ShipmentDao.Row after = change(caller, id, idempotencyKey, "shipment.dispatch:" + id, null, "DISPATCH",
                "dispatched_at = ?, dispatched_by = ?, status = ?", now, caller.user(), next);
        Events.post(eventAdmin, TransportTopics.SHIPMENT_DISPATCHED, after, caller.user(), caller.requestId(), Map.of());
        return view(after, now());
    }

    /** One guarded update with its audit row, under the idempotency key. */
    private ShipmentDao.Row change(Caller caller, long id, String key, String operation, Object request, String action,
            String set, Object... args) {
        keys.execute(ds, caller, key, operation, request == null ? Map.of() : request, c -> {
            ShipmentDao.Row before = ShipmentDao.get(c, id);
            if (!ShipmentDao.update(c, before, set, args)) {
                throw stale(before);
            }
            audit.record(c, caller, "shipment", Long.toString(id), action, before, ShipmentDao.get(c, id));
            return new IdempotencyKeys.Ref("shipment", Long.toString(id));
        });
        return Transactions.read(ds, c -> ShipmentDao.get(c, id));
    }

    // ---------------------------------------------------------------- tracking

    @Override
    public TrackingReceipt record(Caller caller, long id, List<TrackingEvent> events) {
        ShipmentDao.Row r = writable(caller, id);
        if (r.waybill() == null) {
            throw new ConflictException("Shipment " + r.number() + " has no waybill yet");
        }
        checkCount(events);
        for (int i = 0; i < events.size(); i++) {
            if (!r.waybill().equals(events.get(i).waybill())) {
                throw new ValidationException("events[" + i + "].waybill", "the shipment's waybill is " + r.waybill());
            }
        }
        return apply(r.id(), events, "STAFF", caller.user(), caller.requestId());
    }

    @Override
    public TrackingReceipt push(Caller caller, String carrierId, List<TrackingEvent> events) {
        String partner = partnerOf(caller);
        if (partner == null || !partner.equals(carrierId)) {
            throw new AccessDeniedException("Only carrier " + carrierId + "'s partner account may push its tracking");
        }
        return pushFor(carrierId, events, "PARTNER", caller.user(), caller.requestId());
    }

    /** Events pushed by a carrier's bundle through the TrackingSink. */
    TrackingReceipt pushFromBundle(String carrierId, List<TrackingEvent> events) {
        return pushFor(carrierId, events, "CARRIER", "carrier:" + carrierId, null);
    }

    private TrackingReceipt pushFor(String carrierId, List<TrackingEvent> events, String source, String actor,
            String requestId) {
        checkCount(events);
        Map<Long, List<TrackingEvent>> byShipment = new LinkedHashMap<>();
        List<TrackingEvent> early = new ArrayList<>();
        Map<String, java.util.Optional<ShipmentDao.Row>> shipments = new HashMap<>();
        for (TrackingEvent e : events) {
            java.util.Optional<ShipmentDao.Row> r = shipments.computeIfAbsent(e.waybill(),
                    w -> Transactions.read(ds, c -> ShipmentDao.byWaybill(c, carrierId, w)));
            if (r.isPresent()) {
                byShipment.computeIfAbsent(r.get().id(), k -> new ArrayList<>()).add(e);
            } else if (bookingsInFlight(carrierId) > 0) {
                early.add(e); // the webhook overtook the carrier's answer to book(): keep it for that answer
            } else {
                throw new NotFoundException("Waybill", e.waybill());
            }
        }
        TrackingReceipt total = new TrackingReceipt(0, 0, 0);
        for (Map.Entry<Long, List<TrackingEvent>> e : byShipment.entrySet()) {
            total = total.plus(apply(e.getKey(), e.getValue(), source, actor, requestId));
        }
        if (!early.isEmpty()) {
            Instant now = now();
            Transactions.inTransaction(ds, c -> {
                for (TrackingEvent e : early) {
                    ShipmentDao.park(c, carrierId, e, source, actor, now);
                }
                return null;
            });
            LOG.info("Parked {} tracking event(s) of carrier {} for waybills still being booked", early.size(), carrierId);
            // the booking may have been stored between our lookup and the parking: then apply them now
            for (String waybill : early.stream().map(TrackingEvent::waybill).distinct().toList()) {
                Transactions.read(ds, c -> ShipmentDao.byWaybill(c, carrierId, waybill)).ifPresent(this::applyParked);
            }
            total = total.plus(new TrackingReceipt(0, 0, early.size()));
        }
        return total;
    }

    private int bookingsInFlight(String carrierId) {
        java.util.concurrent.atomic.AtomicInteger n = inFlight.get(carrierId);
        return n == null ? 0 : n.get();
    }

    /** Applies events parked for a waybill that now has its shipment, then forgets them. */
    private void applyParked(ShipmentDao.Row booked) {
        List<ShipmentDao.Parked> parked = Transactions.read(ds, c -> ShipmentDao.parked(c, booked.carrierId(), booked.waybill()));
        if (parked.isEmpty()) {
            return;
        }
        for (ShipmentDao.Parked p : parked) {
            apply(booked.id(), List.of(p.event()), p.source(), p.recordedBy(), null);
        }
        Transactions.inTransaction(ds, c -> {
            ShipmentDao.unpark(c, parked);
            return null;
        });
    }

    private static void checkCount(List<TrackingEvent> events) {
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "give at least one event");
        }
        if (events.size() > MAX_EVENTS) {
            throw new ValidationException("events", "at most " + MAX_EVENTS + " events per request");
        }
    }

    /**
     * Appends the new events to the timeline and derives the milestones and status from the whole
     * timeline, so events arriving out of order or twice give the same result.
     */
    TrackingReceipt apply(long id, List<TrackingEvent> events, String source, String actor, String requestId) {
        Instant now = now();
        ShipmentDao.Row current = Transactions.read(ds, c -> ShipmentDao.get(c, id));
        Instant earliest = (current.bookedAt() != null ? current.bookedAt() : current.createdAt()).minus(Duration.ofDays(1));
        for (int i = 0; i < events.size(); i++) {
            TrackingEvent e = events.get(i);
            if (e.at().isAfter(now.plus(CLOCK_SKEW))) {
                throw new ValidationException("events[" + i + "].at", "the event lies in the future: " + e.at());
            }
            if (e.at().isBefore(earliest)) {
                throw new ValidationException("events[" + i + "].at", "the event is older than the booking: " + e.at());
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(id, events, source, actor, requestId);
            } catch (StaleVersionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private TrackingReceipt applyOnce(long id, List<TrackingEvent> events, String source, String actor, String requestId) {
        Caller recorder = new Caller(actor, Set.of(), null, null, requestId == null ? "tracking" : requestId);
        ShipmentDao.Row[] result = new ShipmentDao.Row[2];
        TrackingReceipt receipt = Transactions.inTransaction(ds, c -> {
            ShipmentDao.Row before = ShipmentDao.get(c, id);
            int added = 0;
            Set<String> seen = new HashSet<>();
            for (TrackingEvent e : events) {
                if (!seen.add(e.status() + "@" + e.at()) || ShipmentDao.eventExists(c, id, e)) {
                    continue;
                }
                ShipmentDao.insertEvent(c, id, e, source, actor);
                added++;
            }
            result[0] = before;
            if (added == 0) {
                result[1] = before;
                return new TrackingReceipt(0, events.size(), 0);
            }
            List<ShipmentEvent> timeline = ShipmentDao.events(c, id);
            Derived d = derive(before.status(), timeline, before.dispatchedAt() != null);
            if (!ShipmentDao.update(c, before, "status = ?, accepted_at = ?, picked_up_at = ?, delivered_at = ?, "
                    + "pod_received_by = ?, pod_received_at = ?, pod_reference = ?", d.status(), d.accepted(), d.pickedUp(),
                    d.delivered(), d.proof() == null ? null : d.proof().receivedBy(),
                    d.proof() == null ? null : d.proof().receivedAt(), d.proof() == null ? null : d.proof().reference())) {
                throw stale(before);
            }
            audit.record(c, recorder, "shipment", Long.toString(id), "TRACK", Map.of("status", before.status().name()),
                    Map.of("status", d.status().name(), "events", added, "source", source));
            result[1] = ShipmentDao.get(c, id);
            return new TrackingReceipt(added, events.size() - added, 0);
        });
        if (result[1].status() != result[0].status()) {
            Events.post(eventAdmin, TransportTopics.SHIPMENT_STATUS, result[1], actor, requestId,
                    Map.of("previousStatus", result[0].status().name()));
        }
        return receipt;
    }

    record Derived(ShipmentStatus status, Instant accepted, Instant pickedUp, Instant delivered, ProofOfDelivery proof) {
    }

    static Derived derive(ShipmentStatus current, List<ShipmentEvent> timeline) {
        return derive(current, timeline, current == ShipmentStatus.DISPATCHED);
    }

    /**
     * Milestones are the earliest event that implies them; the status is the latest event's (delivery is final),
     * except that a dispatched shipment shows DISPATCHED until the carrier reports more than its acceptance.
     */
    static Derived derive(ShipmentStatus current, List<ShipmentEvent> timeline, boolean dispatched) {
        Instant accepted = null;
        Instant pickedUp = null;
        Instant delivered = null;
        ProofOfDelivery proof = null;
        for (ShipmentEvent e : timeline) {
            TrackingStatus s = e.status();
            if (s != TrackingStatus.EXCEPTION && s != TrackingStatus.CANCELLED) {
                accepted = SlaClock.first(accepted, e.at());
            }
            if (s == TrackingStatus.PICKED_UP || s == TrackingStatus.IN_TRANSIT || s == TrackingStatus.AT_CHECKPOINT
                    || s == TrackingStatus.DELIVERED) {
                pickedUp = SlaClock.first(pickedUp, e.at());
            }
            if (s == TrackingStatus.DELIVERED && (delivered == null || e.at().isBefore(delivered))) {
                delivered = e.at();
                proof = e.proof();
            }
        }
        ShipmentStatus status;
        if (current == ShipmentStatus.CANCELLED || current == ShipmentStatus.RECEIVED) {
            status = current;
        } else if (delivered != null) {
            status = ShipmentStatus.DELIVERED;
        } else {
            ShipmentEvent latest = timeline.stream().max(Comparator.comparing(ShipmentEvent::at)
                    .thenComparing(ShipmentEvent::id)).orElseThrow();
            status = ShipmentStatus.valueOf(latest.status().name());
            if (dispatched && status == ShipmentStatus.ACCEPTED) {
                status = ShipmentStatus.DISPATCHED;
            }
        }
        return new Derived(status, accepted, pickedUp, delivered, proof);
    }

    // ---------------------------------------------------------------- receipt

    @Override
    public Shipment receive(Caller caller, long id, List<LineReceipt> lines, String idempotencyKey) {
        ShipmentDao.Row r = readable(caller, id);
        boolean keeper = caller.hasRole(Roles.DEPOT_KEEPER) && r.toDepotCode().equals(caller.depotCode());
        if (!caller.canWriteProvince(r.toProvince()) && !keeper) {
            throw new AccessDeniedException("Only the receiving side may confirm receipt of " + r.number());
        }
        if (r.status() == ShipmentStatus.RECEIVED) {
            return view(r, now());
        }
        if (r.dispatchedAt() == null) {
            throw new ConflictException("Shipment " + r.number() + " has not been dispatched");
        }
        if (r.status() == ShipmentStatus.CANCELLED) {
            throw new ConflictException("Shipment " + r.number() + " is cancelled");
        }
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        Batch b = null;
        // the stock first, through the batch: if the inventory refuses the receipt, the shipment is left as it was
        if (r.batchId() != null) {
            b = allocation.batch(caller, r.batchId());
            List<BatchLine> ours = carried(b, r);
            List<LineReceipt> receipts;
            if (lines == null || lines.isEmpty()) {
                receipts = ours.stream().filter(l -> !"RECEIVED".equals(l.status()))
                        .map(l -> new LineReceipt(l.id(), l.quantity(), 0L, null)).toList();
            } else {
                Set<Long> ids = new HashSet<>();
                ours.forEach(l -> ids.add(l.id()));
                for (int i = 0; i < lines.size(); i++) {
                    if (!ids.contains(lines.get(i).lineId())) {
                        throw new ValidationException("lines[" + i + "].lineId", "line " + lines.get(i).lineId()
                                + " is not carried by shipment " + r.number());
                    }
                }
                receipts = lines;
            }
            if (!receipts.isEmpty()) {
                // same per-line received and damaged quantities as the batch's receipt; the batch's listener
                // (ShipmentReceiptSync) receives this shipment as part of it
                b = allocation.receive(caller, r.batchId(), receipts,
                        idempotencyKey != null ? idempotencyKey : IdempotencyKeys.internal("shipment-" + r.number() + "-receive"));
            }
        }
        return view(syncReceipt(caller, id, b), now());
    }

    /** The lines of the batch this shipment carries: those between its two depots. */
    private static List<BatchLine> carried(Batch b, ShipmentDao.Row r) {
        return b.lines().stream().filter(l -> l.fromDepotId() == r.fromDepotId() && l.toDepotId() == r.toDepotId())
                .toList();
    }

    /** Batch lines received through the batch (or this bundle): the shipments that carried them follow. */
    void linesReceived(Caller caller, Batch batch, List<BatchLine> received) {
        Set<List<Long>> pairs = new java.util.LinkedHashSet<>();
        received.forEach(l -> pairs.add(List.of(l.fromDepotId(), l.toDepotId())));
        for (List<Long> pair : pairs) {
            List<ShipmentDao.Row> carriers = Transactions.read(ds, c -> ShipmentDao.query(c, "batch_id = ? AND "
                    + "from_depot_id = ? AND to_depot_id = ? AND waybill IS NOT NULL AND status NOT IN "
                    + "('CANCELLED','RECEIVED','BOOKING_FAILED')", List.of(batch.id(), pair.get(0), pair.get(1)),
                    "ORDER BY id"));
            for (ShipmentDao.Row r : carriers) {
                syncReceipt(caller, r.id(), batch);
            }
        }
    }

    /**
     * Brings a shipment in line with its goods' receipt: delivery is implied (the SLA clock stops) once any of
     * its batch lines is received, and the shipment is RECEIVED once all are (a plain move: at once). Safe to
     * repeat; does nothing to a shipment already received or cancelled.
     */
    private ShipmentDao.Row syncReceipt(Caller caller, long id, Batch b) {
        ShipmentDao.Row r = Transactions.read(ds, c -> ShipmentDao.get(c, id));
        if (r.status() == ShipmentStatus.RECEIVED || r.status() == ShipmentStatus.CANCELLED || r.waybill() == null) {
            return r;
        }
        List<BatchLine> ours = b == null ? List.of() : carried(b, r);
        boolean anyIn = b == null || ours.stream().anyMatch(l -> "RECEIVED".equals(l.status()));
        boolean allIn = b == null || (!ours.isEmpty() && ours.stream().allMatch(l -> "RECEIVED".equals(l.status())));
        if (!anyIn) {
            return r;
        }
        Instant now = now();
        if (r.deliveredAt() == null) {
            apply(id, List.of(new TrackingEvent(r.waybill(), TrackingStatus.DELIVERED, now, r.toDepotCode(),
                    "confirmed by the receiving depot", new ProofOfDelivery(caller.user(), now, "receipt"))),
                    "RECEIVER", caller.user(), caller.requestId());
        }
        if (!allIn) {
            return Transactions.read(ds, c -> ShipmentDao.get(c, id));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ShipmentDao.Row[] after = new ShipmentDao.Row[1];
                boolean changed = Transactions.inTransaction(ds, c -> {
                    ShipmentDao.Row before = ShipmentDao.get(c, id);
                    after[0] = before;
                    if (before.status() == ShipmentStatus.RECEIVED) {
                        return false;
                    }
                    if (!ShipmentDao.update(c, before, "status = ?, received_at = ?, received_by = ?",
                            ShipmentStatus.RECEIVED, now, caller.user())) {
                        throw stale(before);
                    }
                    after[0] = ShipmentDao.get(c, id);
                    audit.record(c, caller, "shipment", Long.toString(id), "RECEIVE", before, after[0]);
                    return true;
                });
                if (changed) {
                    Events.post(eventAdmin, TransportTopics.SHIPMENT_RECEIVED, after[0], caller.user(), caller.requestId(),
                            Map.of());
                }
                return after[0];
            } catch (StaleVersionException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- the watch

    /** What one scan did. */
    public record ScanResult(int shipments, int pulled, int pullFailures, int newAlerts) {
    }

    /** Pulls tracking from PULL carriers for open shipments, then raises new SLA alerts (each once). */
    public ScanResult scan() {
        List<ShipmentDao.Row> open = Transactions.read(ds, c -> ShipmentDao.query(c, OPEN + " AND waybill IS NOT NULL",
                List.of(), "ORDER BY id"));
        int pulled = 0;
        int failures = 0;
        for (ShipmentDao.Row r : open) {
            if (!pulls(r.carrierId())) {
                continue;
            }
            try {
                List<TrackingEvent> events = registry.call(r.carrierId(), "track", cr -> cr.track(r.waybill()));
                if (events.stream().anyMatch(e -> !r.waybill().equals(e.waybill()))) {
                    failures++;
                    LOG.warn("Carrier {} answered tracking of {} with events of other waybills; ignored", r.carrierId(),
                            r.waybill());
                    continue;
                }
                if (!events.isEmpty()) {
                    pulled += apply(r.id(), List.copyOf(events), "CARRIER", "carrier:" + r.carrierId(), null).accepted();
                }
            } catch (CarrierFailure | ValidationException f) {
                failures++;
                LOG.warn("Tracking {} with carrier {} failed: {}", r.waybill(), r.carrierId(), f.getMessage());
            }
        }
        catchUpReceipts();
        Instant now = now();
        int alerts = 0;
        for (ShipmentDao.Row r : Transactions.read(ds, c -> ShipmentDao.query(c, OPEN + " AND booked_at IS NOT NULL",
                List.of(), "ORDER BY id"))) {
            Sla sla = SlaClock.evaluate(r.deadlines(), r.progress(), true, now);
            for (SlaMilestone m : sla.milestones()) {
                if (!m.state().isAlert()) {
                    continue;
                }
                boolean fresh = Transactions.inTransaction(ds, c -> ShipmentDao.flag(c, r.id(), m.name(), m.state().name(), now));
                if (fresh) {
                    alerts++;
                    LOG.warn("Shipment {} ({} waybill {}): {} promise {} (due {})", r.number(), r.carrierId(), r.waybill(),
                            m.name(), m.state(), m.due());
                    Events.post(eventAdmin, m.state() == SlaState.BREACHED ? TransportTopics.SLA_BREACHED
                            : TransportTopics.SLA_AT_RISK, r, "sla-watch", null, Map.of("milestone", m.name(),
                            "due", m.due().toString()));
                }
            }
        }
        int dropped = Transactions.inTransaction(ds, c -> ShipmentDao.dropParkedBefore(c, now.minus(PARKED_FOR)));
        if (dropped > 0) {
            LOG.warn("Dropped {} tracking event(s) parked for over {} for waybills no booking returned", dropped, PARKED_FOR);
        }
        return new ScanResult(open.size(), pulled, failures, alerts);
    }

    /**
     * Open shipments whose batch lines were received without them being told (a listener that failed, or
     * a node stopped in between) are received now, before they could be flagged as the carrier's breach.
     */
    private void catchUpReceipts() {
        List<ShipmentDao.Row> open = Transactions.read(ds, c -> ShipmentDao.query(c, OPEN + " AND batch_id IS NOT NULL "
                + "AND waybill IS NOT NULL", List.of(), "ORDER BY id"));
        Caller watch = Caller.system("sla-watch");
        Map<Long, Batch> batches = new HashMap<>();
        for (ShipmentDao.Row r : open) {
            try {
                Batch b = batches.computeIfAbsent(r.batchId(), id -> allocation.batch(watch, id));
                if (carried(b, r).stream().anyMatch(l -> "RECEIVED".equals(l.status()))) {
                    LOG.info("Shipment {}: its goods were received through batch {}; receiving it", r.number(), b.number());
                    syncReceipt(watch, r.id(), b);
                }
            } catch (RuntimeException e) {
                LOG.warn("Catching up the receipt of shipment {} failed: {}", r.number(), e.getMessage(), e);
            }
        }
    }

    private boolean pulls(String carrierId) {
        if (!registry.isAvailable(carrierId)) {
            return false;
        }
        try {
            return registry.profile(carrierId).tracking().contains(TrackingMode.PULL);
        } catch (CarrierFailure f) {
            LOG.warn("Carrier {} gave no profile: {}", carrierId, f.getMessage());
            return false;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> strings(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Another writer changed the shipment between our read and our guarded update. */
    private static StaleVersionException stale(ShipmentDao.Row before) {
        return new StaleVersionException(ShipmentDao.LABEL, before.id(), before.version(), before.version() + 1);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
