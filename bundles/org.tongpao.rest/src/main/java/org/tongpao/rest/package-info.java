/**
 * What resource authors need from the REST foundation: the service properties that put a service
 * on the one Tongpao server, and the header and media-type names it uses.
 */
@Export
@Version("1.0.0")
package org.tongpao.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
