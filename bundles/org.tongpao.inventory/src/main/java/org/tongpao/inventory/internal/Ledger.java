package org.tongpao.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.core.persistence.Transactions;

/**
 * The stock engine's parts, wired once per component and shared by every operation: the write runner, the
 * look-ups into core, lots, balance arithmetic, FEFO picking, the ledger of postings, events and the
 * threshold watch. The shorthands below are what almost every operation needs.
 */
final class Ledger {
    final AuditTrail audit;
    final Expiry expiry;
    final LedgerOwnership owners;
    final CoreLookups core;
    final StockEvents events;
    final Balances balances = new Balances();
    final Postings postings = new Postings();
    final Summaries summaries = new Summaries();
    final Lots lots;
    final Picker picker;
    final ThresholdWatch thresholds;
    final StockWrites writes;

    Ledger(DataSource ds, AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox, Clock clock,
            IntSupplier shortDatedDays, LedgerOwnership owners) {
        this.audit = audit;
        this.owners = owners;
        this.core = new CoreLookups(owners);
        this.events = new StockEvents(outbox);
        this.expiry = new Expiry(clock, shortDatedDays);
        this.lots = new Lots(expiry, core, events);
        this.picker = new Picker(core, lots, balances);
        this.thresholds = new ThresholdWatch(ds, balances, events);
        // the fold last: every balance change and movement is known (of a joined write: at the enclosing commit)
        this.writes = new StockWrites(ds, keys, expiry, picker::applyPending, summaries::fold, thresholds::check);
    }

    Ref write(Caller caller, String key, String operation, Object request, StockWrites.Write write) {
        return writes.write(caller, key, operation, request, write);
    }

    <T> T write(Caller caller, String key, String operation, Object request, StockWrites.Write write, Class<T> type,
            StockWrites.Loader<T> loader) {
        return writes.write(caller, key, operation, request, write, type, loader);
    }

    <T> T read(Transactions.Work<T> work) {
        return writes.read(work);
    }

    /** Read-only {@code work} in one read-committed transaction: several statements, one connection, one commit. */
    <T> T readInOneTransaction(Transactions.Work<T> work) {
        return writes.readInOneTransaction(work);
    }

    /** {@link StockWrites#readTogether}: statements whose figures must belong together, in one transaction. */
    <T> T readTogether(Transactions.Work<T> work) {
        return writes.readTogether(work);
    }

    LocalDate today() {
        return expiry.today();
    }

    Instant now() {
        return expiry.now();
    }
}
