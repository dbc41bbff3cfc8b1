package org.tongpao.core.internal;

import org.osgi.annotation.bundle.Capability;

/**
 * Advertises version 1 of core's read-only views ({@code tp_core_v1_depot}, {@code _item}, {@code _org_unit},
 * {@code _category}; migration V2_9) as a capability, so a bundle whose SQL reads them requires
 * {@code (&(tongpao.schema=core)(version>=1.0)(!(version>=2.0)))} and the resolver, not a failing query,
 * says when core is too old or too new. The columns are pinned by {@code CoreReadViewsTest}.
 */
@Capability(namespace = CoreReadViews.NAMESPACE, attribute = CoreReadViews.NAMESPACE + "=core", version = CoreReadViews.VERSION)
public final class CoreReadViews {
    public static final String NAMESPACE = "tongpao.schema";
    public static final String VERSION = "1.0.0";

    private CoreReadViews() {
    }
}
