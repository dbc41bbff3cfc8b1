package org.tongpao.allocation.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether goods may enter a key area now. Asked before anything leaves for a destination inside a key
 * area, whichever way it leaves: a batch's dispatch, one shipment's lines, a plain move. The platform's own gate is
 * {@code tongpao-passes}' (an entry pass a checkpoint can verify: printed, not revoked, valid at that moment); with
 * no gate installed nothing enters a key area. Every installed gate must agree.
 *
 * <p>A gate is asked inside the dispatch's transaction (its {@code Transactions.read} on the platform's DataSource
 * runs on that transaction's connection): what it reads under a shared lock ({@code Sql.sharedLock}) cannot change
 * before the goods have left, so a concurrent revocation happens before the dispatch (which it refuses) or after.
 *
 * @since 1.2
 */
@ConsumerType
public interface EntryGate {

    /** Why the goods of {@code entry} may not enter its key area at its moment; empty when they may. */
    Optional<String> refusal(KeyAreaEntry entry);
}
