package org.tongpao.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;

/**
 * Runs every stock write: one transaction guarded by the Idempotency-Key (a repeat, even a concurrent one,
 * gets the first result's reference or refusal and writes nothing), run again on deadlocks, lock timeouts and
 * stale picks ({@link Transactions#write}: core's one {@link TransientRetry} rule, then 503); the picks'
 * guarded updates last, then what follows the commit (the threshold check). Events are recorded in the
 * transaction ({@link StockEvents}) and posted by core's outbox after it commits.
 */
final class StockWrites {

    /** A write's body: runs inside the transaction and returns what an Idempotency-Key will point at. */
    @FunctionalInterface
    interface Write {
        Ref apply(Tx tx) throws Exception;
    }

    /** Reads what a write's reference points at (an Idempotency-Key repeat's first result). */
    @FunctionalInterface
    interface Loader<T> {
        T load(Connection c, Ref ref) throws Exception;
    }

    /** Work on the write's connection just before it commits. */
    @FunctionalInterface
    interface BeforeCommit {
        void apply(Tx tx) throws SQLException;
    }

    private record Done(Ref ref, Tx tx, boolean repeat, boolean enclosed) {
    }

    /**
     * The last step of the joined writes of one enclosing transaction (e.g. a receipt against an order), run once on
     * all their changes just before the enclosing commit: so the rows it locks (the summaries every write of that
     * province and item waits for) are held until the commit only, not for the rest of the enclosing work.
     */
    private static final class Deferred implements Transactions.BeforeCommit {
        private final BeforeCommit last;
        private Tx all;

        Deferred(BeforeCommit last) {
            this.last = last;
        }

        void add(Tx tx) {
            if (all == null) {
                all = new Tx(tx.c, tx.caller, tx.now, tx.today);
            }
            all.absorb(tx);
        }

        @Override
        public void run(Connection c) throws SQLException {
            if (all != null) {
                last.apply(all);
            }
        }
    }

    private final DataSource ds;
    private final IdempotencyKeys keys;
    private final Expiry expiry;
    private final BeforeCommit beforeCommit;
    private final BeforeCommit last;
    private final Consumer<Tx> afterCommit;

    /**
     * {@code beforeCommit} runs at the end of each write; {@code last} after it, or, for a write joined to an
     * enclosing transaction, once for all of that transaction's writes just before it commits ({@link Deferred}).
     */
    StockWrites(DataSource ds, IdempotencyKeys keys, Expiry expiry, BeforeCommit beforeCommit, BeforeCommit last,
            Consumer<Tx> afterCommit) {
        this.ds = ds;
        this.keys = keys;
        this.expiry = expiry;
        this.beforeCommit = beforeCommit;
        this.last = last;
        this.afterCommit = afterCommit;
    }

    Ref write(Caller caller, String key, String operation, Object request, Write write) {
        return run(caller, key, operation, request, write).ref();
    }

    /**
     * Like {@link #write(Caller, String, String, Object, Write)}, answering with what the body left in
     * {@link Tx#result}, built inside the write's own transaction; only a repeated Idempotency-Key (whose body
     * did not run) reads the first result back.
     */
    <T> T write(Caller caller, String key, String operation, Object request, Write write, Class<T> type,
            Loader<T> loader) {
        Done done = run(caller, key, operation, request, write);
        if (!done.repeat() && type.isInstance(done.tx().result)) {
            return type.cast(done.tx().result);
        }
        return read(c -> loader.load(c, done.ref()));
    }

    <T> T read(Transactions.Work<T> work) {
        return Transactions.read(ds, work);
    }

    /** Read-only {@code work} in one read-committed transaction: several statements, one connection, one commit. */
    <T> T readInOneTransaction(Transactions.Work<T> work) {
        return Transactions.inTransaction(ds, work);
    }

    /**
     * {@link Transactions#readTogether}: statements whose figures must belong together (a national report's balances
     * and their age) in one repeatable-read transaction. Read in the order writes lock (balances, summaries, replica
     * ages) and a write waits for the read, never the reverse.
     */
    <T> T readTogether(Transactions.Work<T> work) {
        return Transactions.readTogether(ds, work);
    }

    /**
     * The key is claimed in a transaction of its own before the write and settled inside it
     * ({@link IdempotencyKeys#begin}), so neither a refusal nor a retried transaction releases it behind a
     * concurrent copy's back: the copy waits and gets this attempt's outcome.
     */
    private Done run(Caller caller, String key, String operation, Object request, Write write) {
        IdempotencyKeys.Claim claim = key == null ? null : keys.begin(ds, caller, key, operation, request);
        if (claim != null && claim.replay().isPresent()) {
            return new Done(claim.replay().get(), null, true, false);
        }
        Done done;
        try {
            done = Transactions.write(ds, operation, c -> {
                Tx tx = new Tx(c, caller, expiry.now(), expiry.today());
                Ref result = write.apply(tx);
                beforeCommit.apply(tx);
                boolean enclosed = deferred().isPresent();
                if (!enclosed) {
                    last.apply(tx);
                }
                if (claim != null) {
                    claim.complete(c, result);
                }
                return new Done(result, tx, false, enclosed);
            });
        } catch (RuntimeException | Error e) {
            if (claim != null) {
                claim.fail(e);
            }
            throw e;
        }
        if (done.enclosed()) {
            // only now that the joined write succeeded (its savepoint released) does it count in the last step
            deferred().orElseThrow().add(done.tx());
        }
        afterCommit.accept(done.tx());
        return done;
    }

    /** The last step of the enclosing transaction this write joins; empty when it is a transaction of its own. */
    private Optional<Deferred> deferred() {
        return Transactions.beforeEnclosingCommit(ds, this, () -> new Deferred(last));
    }
}
