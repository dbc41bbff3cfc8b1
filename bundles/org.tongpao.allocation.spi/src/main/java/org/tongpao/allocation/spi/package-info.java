/**
 * Priority policy SPI: a ministry can install its own {@link org.tongpao.allocation.spi.PriorityPolicy}
 * bundle; the planner uses the one named in configuration or else the highest {@code service.ranking}.
 * {@link org.tongpao.allocation.spi.BatchReceiptListener} (1.1): told of batch lines received.
 * {@link org.tongpao.allocation.spi.EntryGate} and {@link org.tongpao.allocation.spi.KeyAreaEntry} (1.2): whether goods
 * may enter a key area now (the entry pass a checkpoint can verify).
 */
@Export
@Version("1.2.0")
package org.tongpao.allocation.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
