package org.tongpao.procurement.centre.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.Page;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;

/** The centre's framework agreements: recorded, withdrawn, listed, and asked for quotes. */
@Component(service = Agreements.class)
public class Agreements {
    /** The centre works on Beijing days: an agreement "valid until 31 May" ends at midnight there. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ENTITY = "procurement-agreement";

    private final DataSource ds;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private volatile Clock clock = Clock.systemUTC();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    @Activate
    public Agreements(@Reference(target = "(tongpao.schema=" + CentreSchema.NAME + ")") SchemaReady schema,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.ds = schema.dataSource();
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    /** {@code l} runs after each committed change to the agreements (what the channel offers may change). */
    public void onChange(Runnable l) {
        changeListeners.add(l);
    }

    public void removeOnChange(Runnable l) {
        changeListeners.remove(l);
    }

    private void changed() {
        Transactions.afterCommit(() -> changeListeners.forEach(Runnable::run));
    }

    void clock(Clock c) {
        this.clock = c;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    Clock clock() {
        return clock;
    }

    public Agreement create(Caller caller, NewAgreement body, String idempotencyKey) {
        CentreAccess.requireMinistryBuyer(caller, "record framework agreements");
        NewAgreement a = Checks.body(body).checked();
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, idempotencyKey, "agreement.create", a, c -> {
            if (AgreementDao.codeTaken(c, a.code())) {
                throw new ConflictException("code", "agreement " + a.code() + " exists already");
            }
            long id = AgreementDao.insert(c, a, caller.user(), clock.instant());
            Agreement created = AgreementDao.get(c, id).orElseThrow();
            audit.record(c, caller, ENTITY, Long.toString(id), "CREATE", null, created);
            outbox.record(c, CentreTopics.AGREEMENT_CREATED, Map.of("id", id, "code", a.code(),
                    "supplierCode", a.supplierCode(), "actor", caller.user()));
            changed();
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return get(caller, Long.parseLong(out.ref().id()));
    }

    /** Withdraws an agreement: no new quote or order uses it; orders already placed stay. Repeating it changes nothing. */
    public Agreement withdraw(Caller caller, long id, String reason, String idempotencyKey) {
        CentreAccess.requireMinistryBuyer(caller, "withdraw framework agreements");
        String why = Checks.optionalLine("reason", reason, 500);
        keys.execute(ds, caller, idempotencyKey, "agreement.withdraw:" + id, why == null ? Map.of() : Map.of("reason", why), c -> {
            Agreement before = AgreementDao.get(c, id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            if (before.status() == Agreement.Status.ACTIVE) {
                if (!AgreementDao.withdraw(c, before, why)) {
                    throw new StaleVersionException(ENTITY, id, before.version(), before.version() + 1);
                }
                audit.record(c, caller, ENTITY, Long.toString(id), "WITHDRAW", before, AgreementDao.get(c, id).orElseThrow());
                outbox.record(c, CentreTopics.AGREEMENT_WITHDRAWN, Map.of("id", id, "code", before.code(),
                        "actor", caller.user()));
                changed();
            }
            return new IdempotencyKeys.Ref(ENTITY, Long.toString(id));
        });
        return get(caller, id);
    }

    public Agreement get(Caller caller, long id) {
        return Transactions.read(ds, c -> AgreementDao.get(c, id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    public Page<Agreement> list(Caller caller, String itemCode, int limit, String cursor) {
        String item = itemCode == null ? null : Checks.code("itemCode", itemCode);
        return Paging.page(Transactions.read(ds, c -> AgreementDao.page(c, item, Paging.after(cursor), limit)), limit,
                Agreement::id);
    }

    /** Every active agreement not yet expired: what the centre offers through its channel. */
    public List<Agreement> current() {
        LocalDate today = today();
        return Transactions.read(ds, AgreementDao::active).stream().filter(a -> !a.validUntil().isBefore(today)).toList();
    }

    /** The active agreements covering any of the items. */
    List<Agreement> activeFor(java.util.Collection<String> items) {
        return Transactions.read(ds, c -> AgreementDao.activeFor(c, items));
    }

    /** The offers of every valid agreement for the quantity by the day needed, in order of preference. */
    public List<Offer> quote(String itemCode, Long quantity, LocalDate neededBy, OfferRanking.Preference preference) {
        String item = Checks.code("itemCode", itemCode);
        long qty = Checks.positive("quantity", quantity);
        return OfferRanking.rank(Transactions.read(ds, c -> AgreementDao.activeFor(c, List.of(item))), today(), item, qty,
                neededBy, preference == null ? OfferRanking.Preference.PRICE : preference);
    }
}
