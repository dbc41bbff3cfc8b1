/**
 * Service provider interfaces that other Tongpao bundles implement and core consults; core never
 * depends on those bundles. {@link org.tongpao.core.spi.DepotUsage}: "does anything still use this
 * depot?" before a depot is deactivated.
 */
@Export
@Version("1.0.0")
package org.tongpao.core.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
