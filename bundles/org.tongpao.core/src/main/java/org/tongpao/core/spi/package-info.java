/**
 * Service provider interfaces that other Tongpao bundles implement and core consults; core never
 * depends on those bundles. {@link org.tongpao.core.spi.DepotUsage}: "does anything still use this
 * depot?" before a depot is deactivated. {@link org.tongpao.core.spi.LedgerOwners} (1.1): which node keeps a
 * province's depot ledgers (federation). {@link org.tongpao.core.spi.EventForwarder} (1.2): events
 * taken inside the recording transaction (federation). {@link org.tongpao.core.spi.HealthContributor} (1.3): a
 * part of the node that {@code GET /health} reports (federation's links). {@link org.tongpao.core.spi.MasterDataOwner}
 * (1.3): which node owns the master data, so a federated province refuses local edits of it. {@link
 * org.tongpao.core.spi.EventTopics} (1.4): a forwarder's topics, declared in its bundle's manifest too, so the outbox
 * refuses an event that must be forwarded while its forwarder is not bound.
 */
@Export
@Version("1.4.0")
package org.tongpao.core.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
