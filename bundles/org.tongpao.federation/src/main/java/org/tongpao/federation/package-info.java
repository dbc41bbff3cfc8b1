/**
 * Federation of provincial installs with the central install over ActiveMQ Artemis: {@link
 * org.tongpao.federation.Federation} sends messages in the caller's transaction (the outbox), {@link
 * org.tongpao.federation.MessageHandler}s apply them on the receiving node exactly once (the inbox).
 * Message types and their contract versions are listed in {@code docs/federation.md}.
 * 1.2: {@link org.tongpao.federation.RebuildContribution}, the sections glue bundles add to the stream that rebuilds
 * a provincial node from central; {@link org.tongpao.federation.SnapshotSequences}, the sequence of the newest
 * master-data snapshot of each record (central's sent, a province's applied), which the rebuild hands over.
 * 1.3: {@code SnapshotSequences.current} (a record with none recorded goes with central's sequence now),
 * {@code recordSent}, {@code claim(type, code, message)} and {@code KEY_AREA} (key areas ordered the same way).
 */
@Export
@Version("1.3.0")
package org.tongpao.federation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
