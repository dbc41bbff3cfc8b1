package org.tongpao.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Tracks every service matching a filter, from any bundle, and reports each change. */
final class ServiceCollector extends ServiceTracker<Object, Object> {
    private final Runnable onChange;

    ServiceCollector(BundleContext context, String filter, Runnable onChange) {
        super(context, parse(filter), null);
        this.onChange = onChange;
    }

    private static Filter parse(String filter) {
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    @Override
    public Object addingService(ServiceReference<Object> reference) {
        Object service = super.addingService(reference);
        if (service != null) {
            onChange.run();
        }
        return service;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Object service) {
        onChange.run();
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Object service) {
        super.removedService(reference, service);
        onChange.run();
    }

    /** The tracked services, highest ranking first (ties: oldest first), for a deterministic build. */
    List<Object> services() {
        SortedMap<ServiceReference<Object>, Object> tracked = getTracked();
        List<Object> result = new ArrayList<>(tracked.size());
        for (Map.Entry<ServiceReference<Object>, Object> e : tracked.entrySet()) {
            result.add(0, e.getValue());
        }
        return result;
    }
}
