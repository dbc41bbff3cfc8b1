/**
 * The carrier SPI. A transport partner implements {@link org.tongpao.transport.api.Carrier} and registers
 * it as an OSGi service with {@value org.tongpao.transport.api.Carrier#ID_PROPERTY}; Tongpao finds carriers
 * as they come and go. Every value type checks its own bounds when constructed, so an answer that breaks
 * the contract fails inside the carrier's call and Tongpao treats it as that carrier's failure.
 *
 * <p>Versions follow OSGi semantic versioning: a minor version adds to the package without breaking a
 * carrier built against an earlier minor version; anything a carrier must change to keep compiling is a
 * major version. The build checks this against the published 1.0.0 with bnd's baseline.
 * 1.1: {@link org.tongpao.transport.api.TrackingStatus#RETURNED}.
 * 1.2: {@link org.tongpao.transport.api.Destination} and {@link org.tongpao.transport.api.PlaceKind}, given to
 * {@code Carrier.quote(order, destination)} and {@code Carrier.book(order, destination)} (defaults call the 1.0 methods):
 * a delivery to a front-line unit tells the carrier so, with the unit's area and key area.
 */
@Export
@Version("1.2.0")
package org.tongpao.transport.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
