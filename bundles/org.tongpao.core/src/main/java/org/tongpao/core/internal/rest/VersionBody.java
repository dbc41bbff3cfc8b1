package org.tongpao.core.internal.rest;

import javax.validation.constraints.Min;

/** Optional body of a deactivation: the version the client last read (checked again by the service). */
public record VersionBody(@Min(1) Long version) {
}
