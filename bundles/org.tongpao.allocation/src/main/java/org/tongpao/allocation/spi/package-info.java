/**
 * Priority policy SPI: a ministry can install its own {@link org.tongpao.allocation.spi.PriorityPolicy}
 * bundle; the planner uses the one named in configuration or else the highest {@code service.ranking}.
 */
@Export
@Version("1.0.0")
package org.tongpao.allocation.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
