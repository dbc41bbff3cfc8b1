/**
 * Shipments: goods of an allocation batch (or any depot-to-depot move) booked with a carrier, tracked,
 * watched against the carrier's promises (the SLA clock), let into locked-down areas with an entry
 * pass, and received into inventory on delivery. Carriers plug in through {@code org.tongpao.transport.api}.
 */
@Export
@Version("1.1.0")
package org.tongpao.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
