package org.tongpao.procurement.internal;

import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;

/**
 * A write guarded by its Idempotency-Key, run as one {@link Transactions#enclosing} transaction: what the write
 * asks of other bundles' public services (funding's commitment, inventory's receipt) joins it, so the order's
 * state, the money and the stock commit or roll back together, and the key is settled in the same commit. The
 * key is claimed beforehand in a transaction of its own ({@link IdempotencyKeys#begin}), so a refusal settles it
 * and a copy running meanwhile waits for this attempt's outcome.
 */
final class IdempotentWrites {
    private final DataSource ds;
    private final IdempotencyKeys keys;

    IdempotentWrites(DataSource ds, IdempotencyKeys keys) {
        this.ds = ds;
        this.keys = keys;
    }

    /** Runs {@code write} once per key and returns its reference (the first one's on a repeat). */
    Ref run(Caller caller, String key, String operation, Object request, Transactions.Work<Ref> write) {
        IdempotencyKeys.Claim claim = key == null ? null : keys.begin(ds, caller, key, operation, request);
        if (claim != null && claim.replay().isPresent()) {
            return claim.replay().get();
        }
        try {
            return Transactions.enclosing(ds, operation, c -> {
                Ref ref = write.apply(c);
                if (claim != null) {
                    claim.complete(c, ref);
                }
                return ref;
            });
        } catch (RuntimeException | Error e) {
            if (claim != null) {
                claim.fail(e);
            }
            throw e;
        }
    }

    DataSource dataSource() {
        return ds;
    }
}
