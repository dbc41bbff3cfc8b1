package org.tongpao.inventory.internal;

import java.time.Clock;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The inventory's operations, one class per job, wired on one {@link Ledger}; the component's service methods
 * delegate to them. Also holds what the component's configuration and optional references change while it runs.
 */
final class Operations {
    final LedgerOwnership owners = new LedgerOwnership();
    private volatile int shortDatedDays;
    final Movements movements;
    final BulkReceipts bulkReceipts;
    final Transfers transfers;
    final Reservations reservations;
    final Availability availability;
    final LotStatuses lotStatuses;
    final Counts counts;
    final Thresholds thresholds;
    final Views views;
    final SummaryViews summaryViews;
    final CensusBook census;
    final CensusAnswers censusAnswers;
    final ShortDatedScanner scanner;
    final Replicas replicas;
    final Ownership ownership;
    final CrossNode crossNode;
    final Traces traces;
    final LotFlows lotFlows;

    Operations(SchemaReady schema, AuditTrail audit, IdempotencyKeys keys, EventOutbox outbox,
            ProvinceRegistry provinces, Clock clock) {
        Ledger ledger = new Ledger(schema.dataSource(), audit, keys, outbox, clock, () -> shortDatedDays, owners);
        Designations designations = new Designations(ledger, provinces);
        this.movements = new Movements(ledger, designations);
        this.bulkReceipts = new BulkReceipts(ledger, designations);
        this.ownership = new Ownership(owners);
        this.crossNode = new CrossNode(ledger, ownership);
        this.transfers = new Transfers(ledger, crossNode, designations);
        this.reservations = new Reservations(ledger, transfers, designations);
        this.availability = new Availability(ledger);
        this.lotStatuses = new LotStatuses(ledger);
        this.counts = new Counts(ledger);
        this.thresholds = new Thresholds(ledger);
        this.views = new Views(ledger);
        this.summaryViews = new SummaryViews(ledger);
        this.census = new CensusBook(ledger, provinces);
        this.censusAnswers = new CensusAnswers(ledger, census, provinces);
        this.scanner = new ShortDatedScanner(ledger, lotStatuses);
        this.replicas = new Replicas(ledger, schema.dataSource());
        this.traces = new Traces(ledger);
        this.lotFlows = new LotFlows(ledger);
    }

    /** Lots expiring within this many days are short-dated; read at each check, so a new configuration applies live. */
    void shortDatedDays(int days) {
        shortDatedDays = days;
    }
}
