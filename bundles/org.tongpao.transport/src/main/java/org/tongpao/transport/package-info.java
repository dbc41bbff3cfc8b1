/**
 * Shipments: goods of an allocation batch (or any depot-to-depot move) booked with a carrier, tracked,
 * watched against the carrier's promises (the SLA clock), let into locked-down areas with an entry
 * pass, and received into inventory on delivery. Carriers plug in through {@code org.tongpao.transport.api}.
 *
 * <p>Growing the records stays a minor change: a component added to a record keeps the former canonical
 * constructor as a delegating one (the new component defaulted), so code built against the older version
 * still links. 1.2: {@link org.tongpao.transport.NewShipment}, {@link org.tongpao.transport.QuoteRequest}
 * and {@link org.tongpao.transport.Shipment} have {@code builder()} and {@code toBuilder()}; make them
 * through the builder, which gets a setter for each added component. 1.3: shipments to an org unit without a
 * depot (a front-line station) — {@code NewShipment.toOrgUnitId}, {@code Shipment.toOrgUnitId}/{@code toOrgUnitCode};
 * their receipt is the proof of delivery at the unit, which issues the goods to it.
 * 1.3 too: returns ({@code ShipmentStatus.RETURNING}, {@code RETURNED}, {@link org.tongpao.transport.ShipmentReturn},
 * the return operations of {@link org.tongpao.transport.TransportService}) and tracking kept for later matching
 * ({@link org.tongpao.transport.UnmatchedEvent}).
 * 1.4: {@code QuoteRequest.toOrgUnitId} (a quote for a delivery to a front-line unit).
 */
@Export
@Version("1.4.0")
package org.tongpao.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
