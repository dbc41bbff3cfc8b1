/**
 * Tongpao's shared kernel: node identity, the caller and its roles, the domain errors every
 * bundle raises, and the organisation, catalogue and depot services. 1.2: {@code Checks}, the field
 * checks every bundle runs before a write.
 */
@Export
@Version("1.2.0")
package org.tongpao.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
