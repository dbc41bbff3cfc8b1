package org.tongpao.procurement.imports.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
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
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;

/**
 * What the import's services share: the database, the kit (audit, idempotency keys, outbox), the clock and Beijing's
 * day, and who listens for changes (the channel publisher, after each commit).
 */
@Component(service = ImportBase.class)
public class ImportBase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final DataSource ds;
    final AuditTrail audit;
    final IdempotencyKeys keys;
    private final EventOutbox outbox;
    private volatile Clock clock = Clock.systemUTC();
    private final List<Runnable> offerListeners = new CopyOnWriteArrayList<>();
    private final List<ImportProgressListener> progressListeners = new CopyOnWriteArrayList<>();

    /** Hears an order's progress step after it committed. */
    @FunctionalInterface
    public interface ImportProgressListener {
        void progressed(ImportEvent event, String currency);
    }

    @Activate
    public ImportBase(@Reference(target = "(tongpao.schema=" + ImportSchema.NAME + ")") SchemaReady schema,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        this.ds = schema.dataSource();
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    void clock(Clock c) {
        clock = c;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** One idempotent, audited write (see {@link IdempotencyKeys#execute}); returns the id of what it wrote. */
    long write(Caller caller, String key, String operation, Object request, Transactions.Work<Long> work, String entity) {
        IdempotencyKeys.Outcome out = keys.execute(ds, caller, key, operation, request,
                c -> new IdempotencyKeys.Ref(entity, Long.toString(work.apply(c))));
        return Long.parseLong(out.ref().id());
    }

    void event(Connection c, String topic, Caller caller, Map<String, Object> props) {
        props.put("actor", caller.user());
        outbox.record(c, topic, props);
    }

    public void onOffersChanged(Runnable l) {
        offerListeners.add(l);
    }

    public void removeOnOffersChanged(Runnable l) {
        offerListeners.remove(l);
    }

    void offersChanged() {
        Transactions.afterCommit(() -> offerListeners.forEach(Runnable::run));
    }

    public void onProgress(ImportProgressListener l) {
        progressListeners.add(l);
    }

    public void removeOnProgress(ImportProgressListener l) {
        progressListeners.remove(l);
    }

    void progressed(ImportEvent e, String currency) {
        Transactions.afterCommit(() -> progressListeners.forEach(l -> l.progressed(e, currency)));
    }
}
