/**
 * Persistence support shared by every Tongpao bundle: Flyway migrations per bundle, explicit
 * transactions, keyset paging, the audit trail, Idempotency-Key records and (since 1.1) depot row
 * locks. 2.0: keys are claimed before the write and keep their first answer (the in-transaction
 * {@code claim}/{@code complete} are gone), and {@link org.tongpao.core.persistence.TransientRetry} is the
 * one retry rule for transient lock failures. 2.1: the audit trail's filtered, newest-first reads ({@code AuditTrail.find}). 2.2: internal keys
 * ({@code IdempotencyKeys.internal}), whose refusals are not kept. 2.3: the platform kit — the public
 * {@code Jdbc} helper, {@code Transactions.write} (one transaction under the one retry rule) and
 * {@code Transactions.afterCommit} hooks, {@code SchemaReady} (the migration extender)
 * and the {@code EventOutbox}. 2.4: {@code Transactions.enclosing}, one transaction that the services a
 * piece of work calls join (the federation inbox). 2.5: {@code IdempotencyKeys.executeEnclosing}, a keyed write
 * whose calls into other bundles' services join its one transaction. 2.6: {@code ForwardingUnavailableException},
 * the outbox refusing an event that must be forwarded while no forwarder for it is bound (503, retry), and
 * {@code IdempotencyKeys.forgetAnswers} (a kept answer must not outlive an erasure),
 * and {@code Transactions.enclosingOrJoined}. 2.7: a stale version (412) releases its Idempotency-Key instead of
 * being kept as its outcome; {@code Transactions.beforeEnclosingCommit}, work a joined call leaves for just before
 * the enclosing commit; {@code Paging.Query}, a filtered keyset page's conditions;
 * {@code Sql.sharedLock}, the clause of a read whose shared locks last to the end of its transaction (what
 * {@code DepotLocks} uses; the entry gate's passes too). 2.8: {@code EventOutbox.record(connection, caller, topic,
 * properties)}, an event naming its actor and request, null properties left out. 2.9: {@code Transactions.readTogether},
 * a read-only transaction at repeatable read, so that what its statements read apart belongs together.
 * 2.10: {@code Identities.continueAbove}, a table's numbering continued above ids it did not hand out (a node
 * rebuilt from central); {@code Transactions.settledWrites}, how many write and enclosing transactions have run,
 * empty while one runs (what a kept read is keyed by); {@code IdempotencyKeys.answered},
 * a keyed request's claim, write and stored answer in one commit, on {@code Transactions.outermost}, an enclosing
 * transaction that enclosing calls inside join.
 * SQL written
 * against it must run on Derby and PostgreSQL alike.
 */
@Export
@Version("2.10.0")
package org.tongpao.core.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
