package org.tongpao.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;

/**
 * A stand-in for something a check reads and someone else may revoke at any moment (an entry pass, a licence): one
 * row of a test table, read as a real check reads it, under a shared lock that lasts to the end of the reading
 * transaction, and revoked by a write that races the check ({@link LockRace}). A check asked inside the transaction
 * whose outcome it guards makes the revocation wait; one asked before it does not.
 */
public final class RevocableGrant {
    private static final AtomicLong IDS = new AtomicLong();
    private final DataSource ds;
    private final long id = IDS.incrementAndGet();
    private volatile LockRace revocation;
    private volatile boolean revokedWhileChecking;

    public RevocableGrant(DataSource ds) {
        this.ds = ds;
        Transactions.write(ds, "test grant", c -> {
            if (!c.getMetaData().getTables(null, c.getSchema(), "TP_TEST_GRANT", null).next()
                    && !c.getMetaData().getTables(null, c.getSchema(), "tp_test_grant", null).next()) {
                Jdbc.update(c, "CREATE TABLE tp_test_grant (id BIGINT PRIMARY KEY, revoked SMALLINT NOT NULL)", List.of());
            }
            return Jdbc.update(c, "INSERT INTO tp_test_grant (id, revoked) VALUES (?, 0)", List.of(id));
        });
    }

    /** Whether the grant holds, read (through {@code Transactions.read}) under a lock kept to the transaction's end. */
    public boolean holds() {
        return Transactions.read(ds, c -> Jdbc.one(c, "SELECT revoked FROM tp_test_grant WHERE id = ?"
                + Sql.sharedLock(c), List.of(id), rs -> rs.getInt(1) == 0).orElseThrow());
    }

    /** Starts revoking the grant on a thread of its own. */
    public LockRace revokeRacing() {
        return LockRace.start("revoke grant " + id, () -> Transactions.write(ds, "revoke test grant",
                c -> Jdbc.update(c, "UPDATE tp_test_grant SET revoked = 1 WHERE id = ?", List.of(id))));
    }

    /**
     * A check as a gate makes it: the refusal when the grant was revoked, else empty. The first time the grant holds,
     * a revocation starts on another thread and the check returns once that revocation has ended or waits for a lock
     * ({@link #revokedWhileChecking} says which): what a check made inside the guarded transaction must not let end.
     */
    public Optional<String> checkRacingARevocation() {
        if (!holds()) {
            return Optional.of("the grant was revoked");
        }
        if (revocation == null) {
            revocation = revokeRacing();
            revokedWhileChecking = revocation.endedOrWaiting(Duration.ofSeconds(20));
        }
        return Optional.empty();
    }

    /** Whether the revocation {@link #checkRacingARevocation} started went through while the check ran. */
    public boolean revokedWhileChecking() {
        return revokedWhileChecking;
    }

    /** Waits for the revocation {@link #checkRacingARevocation} started to end, and rethrows what it threw. */
    public void awaitRevocation(Duration atMost) {
        revocation.join(atMost);
    }
}
