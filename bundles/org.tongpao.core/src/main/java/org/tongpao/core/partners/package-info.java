/**
 * Calling partners' plug-in services in isolation: {@link org.tongpao.core.partners.PartnerCalls} keeps the
 * partners of one SPI present right now (carriers, procurement channels) and runs every call on that
 * partner's own bounded pool with a time limit; {@link org.tongpao.core.partners.PartnerFailure} says why a
 * call gave no usable answer.
 */
@Export
@Version("1.0.0")
package org.tongpao.core.partners;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
