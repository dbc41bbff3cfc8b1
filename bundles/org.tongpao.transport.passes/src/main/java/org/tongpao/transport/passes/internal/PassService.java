package org.tongpao.transport.passes.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.tongpao.allocation.NeedService;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.Roles;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.Documents;
import org.tongpao.transport.Shipment;
import org.tongpao.transport.TransportService;

/**
 * Entry passes: issued for a shipment the officer may change, one per area crossed; printed as a PDF whose QR code
 * carries a fresh code (the older print-outs stop verifying); revoked with a reason; verified by anyone holding a
 * code. Shipments are read through {@link TransportService} (its scope rules decide who sees which); nothing of
 * transport's is written. Every change is audited and announced on the outbox.
 */
@Component(service = PassService.class, configurationPid = "org.tongpao.transport.passes",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PassesConfig.class)
public class PassService {
    static final String TOPIC_PREFIX = "org/tongpao/passes/";
    static final String ISSUED = TOPIC_PREFIX + "ISSUED";
    static final String REVOKED = TOPIC_PREFIX + "REVOKED";
    static final String ENTITY = "pass";
    /** The path of the public verification operation below the API's base. */
    static final String VERIFY_PATH = "passes/verify/";

    private final DataSource ds;
    private final TransportService transport;
    private final Areas areas;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox events;
    private final Documents documents;
    private final PassTokens tokens = new PassTokens(new SecureRandom());
    private volatile PassesConfig config;
    private volatile Clock clock = Clock.systemUTC();

    /** The printed document of a pass and the pass as it is now. */
    public record Printed(Pass pass, byte[] pdf) {
        /** A file name that tells the copies apart, e.g. {@code pass-P12-2.pdf}. */
        public String fileName() {
            return "pass-" + PassDocument.number(pass, pass.copies()) + ".pdf";
        }
    }

    @Activate
    public PassService(PassesConfig config,
            @Reference(target = "(tongpao.schema=" + PassesSchema.NAME + ")") SchemaReady schema,
            @Reference TransportService transport, @Reference NeedService needs, @Reference OrgUnitService units,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox events,
            @Reference Documents documents) {
        this.config = config;
        this.ds = schema.dataSource();
        this.transport = transport;
        this.areas = new Areas(needs, units);
        this.audit = audit;
        this.keys = keys;
        this.events = events;
        this.documents = documents;
    }

    @Modified
    void modified(PassesConfig newConfig) {
        this.config = newConfig;
    }

    void clock(Clock c) {
        this.clock = c;
    }

    public Pass issue(Caller caller, long shipmentId, NewPass body, String idempotencyKey) {
        Shipment s = writable(caller, shipmentId);
        NewPass p = Checks.body(body);
        Areas.Area area = areas.resolve(caller, p);
        Instant now = clock.instant();
        PassRules.checkWindow(p.validFrom(), p.validUntil(), now, Duration.ofDays(config.maxValidityDays()));
        String plate = Checks.line("vehiclePlate", p.vehiclePlate(), 32);
        String authority = Checks.line("authority", p.authority(), 200);
        IdempotencyKeys.Outcome outcome = keys.execute(ds, caller, idempotencyKey, "pass.issue:" + shipmentId, p, c -> {
            Pass draft = new Pass(0, s.id(), s.number(), area.kind(), area.ref(), area.name(), p.validFrom(),
                    p.validUntil(), plate, authority, caller.user(), now, 0, null, null, null, null, 0);
            long id = PassDao.insert(c, draft);
            Pass issued = PassDao.get(c, s.id(), id).orElseThrow();
            audit.record(c, caller, ENTITY, Long.toString(id), "ISSUE", null, issued);
            events.record(c, ISSUED, announcement(issued, caller));
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return pass(shipmentId, Long.parseLong(outcome.ref().id()));
    }

    public Page<Pass> passes(Caller caller, long shipmentId, int limit, String cursor) {
        transport.shipment(caller, shipmentId);
        int n = Paging.limit(limit);
        List<Pass> rows = Transactions.read(ds, c -> PassDao.ofShipment(c, shipmentId, Paging.after(cursor), n));
        Instant now = clock.instant();
        return Paging.page(rows.stream().map(p -> p.at(now)).toList(), n, Pass::id);
    }

    public Pass get(Caller caller, long shipmentId, long passId) {
        transport.shipment(caller, shipmentId);
        return pass(shipmentId, passId);
    }

    /**
     * Prints the pass with a fresh code; {@code apiBase} is the API's base URI as the request saw it, used when no
     * verification base URL is configured. A revoked or expired pass is not printed (409).
     */
    public Printed print(Caller caller, long shipmentId, long passId, URI apiBase) {
        writable(caller, shipmentId);
        Pass p = pass(shipmentId, passId);
        if (p.status() == PassStatus.REVOKED || p.status() == PassStatus.EXPIRED) {
            throw new ConflictException("Pass " + passId + " is " + p.status() + "; it is not printed any more");
        }
        Instant now = clock.instant();
        String token = tokens.next();
        int copy = p.copies() + 1;
        byte[] pdf = documents.pdf(PassDocument.sheet(p, copy, verificationUrl(apiBase, token), now));
        Transactions.write(ds, "pass.print", c -> {
            if (!PassDao.countCopy(c, p)) {
                throw new ConflictException("Pass " + passId + " was changed meanwhile (revoked or printed); try again");
            }
            PassDao.replaceToken(c, passId, PassTokens.hash(token), copy, caller.user(), now);
            // the code itself is never written anywhere but into the document
            audit.record(c, caller, ENTITY, Long.toString(passId), "PRINT", Map.of("copies", p.copies()),
                    Map.of("copies", copy));
            return null;
        });
        return new Printed(pass(shipmentId, passId), pdf);
    }

    public Pass revoke(Caller caller, long shipmentId, long passId, String reason, String idempotencyKey) {
        writable(caller, shipmentId);
        Pass before = pass(shipmentId, passId);
        String why = Checks.line("reason", reason, 500);
        if (before.revokedAt() != null) {
            return before;
        }
        keys.execute(ds, caller, idempotencyKey, "pass.revoke:" + passId, new Revocation(why), c -> {
            if (!PassDao.revoke(c, passId, caller.user(), why, clock.instant())) {
                throw new ConflictException("Pass " + passId + " was revoked meanwhile");
            }
            Pass after = PassDao.get(c, shipmentId, passId).orElseThrow();
            audit.record(c, caller, ENTITY, Long.toString(passId), "REVOKE", before, after);
            events.record(c, REVOKED, announcement(after, caller));
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(passId));
        });
        return pass(shipmentId, passId);
    }

    /** What a checkpoint learns from a code: read from the database on every call, so a revocation counts at once. */
    public Verification verify(String token) {
        Instant now = clock.instant();
        if (!PassTokens.wellFormed(token)) {
            return Verification.unknown(now);
        }
        return Transactions.read(ds, c -> PassDao.copy(c, PassTokens.hash(token))).map(copy -> {
            Pass p = copy.pass();
            PassStatus status = p.revokedAt() == null && copy.supersededAt() != null ? PassStatus.SUPERSEDED
                    : PassRules.status(p.validFrom(), p.validUntil(), p.revokedAt(), now);
            return Verification.of(p, status, now);
        }).orElseGet(() -> Verification.unknown(now));
    }

    /** {@code <verificationBaseUrl>/api/v1/passes/verify/<code>}, or below the request's API base without one. */
    String verificationUrl(URI apiBase, String token) {
        String base = config.verificationBaseUrl() == null ? "" : config.verificationBaseUrl().trim();
        if (base.isEmpty()) {
            String api = apiBase.toString();
            return api + (api.endsWith("/") ? "" : "/") + VERIFY_PATH + token;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/" + VERIFY_PATH + token;
    }

    private Pass pass(long shipmentId, long passId) {
        Instant now = clock.instant();
        return Transactions.read(ds, c -> PassDao.get(c, shipmentId, passId)).map(p -> p.at(now))
                .orElseThrow(() -> new NotFoundException("Pass", passId));
    }

    /** The shipment, if the caller may change what travels with it: an officer in scope (404 outside it). */
    private Shipment writable(Caller caller, long shipmentId) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.MINISTRY_OFFICER)
                && !caller.hasRole(Roles.PROVINCE_OFFICER)) {
            throw new AccessDeniedException("Only officers issue, print and revoke entry passes");
        }
        return transport.shipment(caller, shipmentId);
    }

    private static Map<String, Object> announcement(Pass p, Caller caller) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passId", p.id());
        m.put("shipmentId", p.shipmentId());
        m.put("area", p.area());
        m.put("validUntil", p.validUntil());
        m.put("by", caller.user());
        m.put("requestId", caller.requestId());
        return m;
    }
}
