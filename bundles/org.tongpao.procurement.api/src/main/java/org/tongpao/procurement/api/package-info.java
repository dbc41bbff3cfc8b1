/**
 * The procurement channel SPI. A supplier's system, the procurement centre or an import agent implements
 * {@link org.tongpao.procurement.api.Channel} and registers it as an OSGi service with
 * {@value org.tongpao.procurement.api.Channel#ID_PROPERTY}; Tongpao finds channels as they come and go,
 * asks them for quotes, places and cancels orders, and takes their progress by pull
 * ({@link org.tongpao.procurement.api.Channel#progress}) or push ({@link org.tongpao.procurement.api.ProgressSink}).
 * Every value type checks its own bounds when constructed (money is {@link java.math.BigDecimal} with an ISO
 * 4217 code, never a double), so an answer that breaks the contract fails inside the channel's call and
 * Tongpao treats it as that channel's failure.
 *
 * <p>Versions follow OSGi semantic versioning, checked by the build against the published 1.0.0 with bnd's
 * baseline: a minor version only adds; anything a channel must change to keep compiling is a major version.
 */
@Export
@Version("1.2.0")
package org.tongpao.procurement.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
