package org.tongpao.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.Checks;
import org.tongpao.core.ConflictException;
import org.tongpao.core.CoreTopics;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * What the org-unit, catalogue and depot services share for their kind of record: reads by id or code
 * (404 when absent), the 409s for a stale version or a taken code, and a change's audit row and event,
 * both written in the change's transaction.
 */
final class RecordSupport<T> {

    /**
     * One kind of record: its audit entity, its label in messages, its event topic prefix, its table, the
     * fields the shared steps read, and the record's fields its events carry beside the common ones.
     */
    record Kind<T>(String entity, String label, String topic, VersionedTable<T> table, ToLongFunction<T> version,
            Predicate<T> active, Function<T, String> code, Function<T, String> province,
            Function<T, Map<String, Object>> snapshot) {

        String plural() {
            return label + "s";
        }
    }

    /** Inserts a new row; returns its generated id. */
    @FunctionalInterface
    interface Insert {
        long insert(Connection c) throws SQLException;
    }

    /** A versioned update of the row: false when its version moved on meanwhile. */
    @FunctionalInterface
    interface Update {
        boolean update(Connection c) throws SQLException;
    }

    /** Reads the record to change, with the caller's scope checks (404, 403). */
    @FunctionalInterface
    interface Lookup<T> {
        T get(Connection c, long id) throws SQLException;
    }

    /** A rule checked on a connection, e.g. "still in use" (throws to refuse). */
    @FunctionalInterface
    interface Guard<T> {
        void check(Connection c, T record) throws SQLException;
    }

    private final Kind<T> kind;
    private final CoreSeed db;
    private final DataSource ds;
    private final NodeIdentity node;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final IdempotencyKeys keys;

    RecordSupport(Kind<T> kind, CoreSeed db, AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox) {
        this.kind = kind;
        this.db = db;
        this.ds = db.dataSource();
        this.node = db.node();
        this.audit = audit;
        this.keys = keys;
        this.outbox = outbox;
    }

    /**
     * Runs {@code work} once per Idempotency-Key ({@code operation} is appended to the entity's name, e.g.
     * {@code .update:12}) and returns the record it points at, read after the commit. Refused first (409) when
     * another node owns the master data.
     */
    T write(Caller caller, String key, String operation, Object request, Transactions.Work<Ref> work) {
        db.requireLocalMasterData(caller, kind.plural());
        return load(keys.execute(ds, caller, key, kind.entity() + operation, request, work).ref());
    }

    /**
     * Creates a record with a new code: 409 when the code is taken (looked up first; the unique constraint
     * settles a race), then the audit row and event.
     */
    Ref create(Connection c, Caller caller, String code, Insert insert) throws SQLException {
        if (kind.table().findByCode(c, code).isPresent()) {
            throw duplicate(code);
        }
        long id;
        try {
            id = insert.insert(c);
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw duplicate(code);
            }
            throw e;
        }
        changed(c, caller, CoreTopics.CREATED, null, id);
        return ref(id);
    }

    /** Changes {@code before} when the client read its current version (else 409), then audit row and event. */
    Ref update(Connection c, Caller caller, T before, long id, long version, Update update) throws SQLException {
        Checks.expectVersion(kind.label(), id, version, kind.version().applyAsLong(before));
        if (!update.update(c)) {
            throw stale(c, id, version);
        }
        changed(c, caller, CoreTopics.UPDATED, before, id);
        return ref(id);
    }

    /**
     * Deactivates a record: {@code writable} finds it with the caller's scope checks, the expected version (if
     * any) must match, an inactive record stays as it is, the versioned update changes the row (taking its
     * lock), then {@code guard} may still refuse (the transaction rolls back); then the audit row and event.
     */
    T deactivate(Caller caller, long id, Long expectedVersion, String key, Lookup<T> writable, Guard<T> guard) {
        Long expected = Checks.optionalVersion("version", expectedVersion);
        return write(caller, key, ".deactivate:" + id, Collections.singletonMap("version", expected), c -> {
            T before = writable.get(c, id);
            long version = kind.version().applyAsLong(before);
            Checks.expectVersion(kind.label(), id, expected, version);
            if (!kind.active().test(before)) {
                return ref(id);
            }
            if (!kind.table().deactivate(c, id, version)) {
                throw stale(c, id, version);
            }
            guard.check(c, before);
            changed(c, caller, CoreTopics.DEACTIVATED, before, id);
            return ref(id);
        });
    }

    T get(long id) {
        return Transactions.read(ds, c -> kind.table().find(c, id)).orElseThrow(() -> new NotFoundException(kind.label(), id));
    }

    T getByCode(String code) {
        return Transactions.read(ds, c -> kind.table().findByCode(c, code))
                .orElseThrow(() -> new NotFoundException(kind.label(), code));
    }

    /** The record a write's idempotency reference points at. */
    T load(Ref ref) {
        return get(Long.parseLong(ref.id()));
    }

    Ref ref(long id) {
        return new Ref(kind.entity(), Long.toString(id));
    }

    StaleVersionException stale(Connection c, long id, long expected) throws SQLException {
        long actual = kind.table().find(c, id).map(kind.version()::applyAsLong).orElse(-1L);
        return new StaleVersionException(kind.label(), id, expected, actual);
    }

    ConflictException duplicate(String code) {
        return new ConflictException(kind.label() + " code " + code + " already exists");
    }

    /** The change's audit row (before and after) and its event, in its transaction. */
    void changed(Connection c, Caller caller, String action, T before, long id) throws SQLException {
        T after = kind.table().find(c, id).orElseThrow();
        audit.record(c, caller, kind.entity(), Long.toString(id), action, before, after);
        Map<String, Object> props = CoreEvents.properties(caller, node, id, kind.code().apply(after),
                kind.province().apply(after), kind.version().applyAsLong(after));
        kind.snapshot().apply(after).forEach((k, v) -> {
            if (v != null) {
                props.put(k, v);
            }
        });
        outbox.record(c, kind.topic() + action, props);
    }
}
