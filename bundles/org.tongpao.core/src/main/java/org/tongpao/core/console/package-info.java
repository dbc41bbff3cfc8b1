/**
 * What every bundle's Karaf console commands share: the caller a command runs as, the table printing (one
 * table, or the pages of a keyset-paged list followed to the end) and the null-safe cell text. Karaf's shell
 * is an optional import of core: only a command (which runs inside Karaf's shell) calls {@link
 * org.tongpao.core.console.ConsoleTable}.
 */
@Export
@Version("1.0.0")
package org.tongpao.core.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
