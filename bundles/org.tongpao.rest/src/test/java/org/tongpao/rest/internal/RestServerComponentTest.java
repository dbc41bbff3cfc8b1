package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.tongpao.rest.internal.login.LoginGuard;

/**
 * The component's tracking and debounced rebuilds against a minimal fake service registry (the real
 * framework path runs in the Karaf itests).
 */
class RestServerComponentTest {
    /** Listener and its filter: the framework, not the tracker, filters service events. */
    private final List<Map.Entry<ServiceListener, org.osgi.framework.Filter>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ServiceReference<?>, Object> services = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tracksResourcesFromTheRegistryAndRebuilds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String address = "http://127.0.0.1:" + port + "/v1";
        RestServerComponent component = new RestServerComponent(context(), config(address), new LoginGuard(config(address)));
        try {
            ServiceReference<?> items = register(new TestResources.Items(), Map.of("osgi.jaxrs.resource", "true"));
            register(new TestResources.Extra(), Map.of("osgi.jaxrs.resource", "true"));
            register(new Object(), Map.of("unrelated", "true"));
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> status(address + "/extra") == 200);
            assertThat(status(address + "/items/public")).isEqualTo(200);
            // the three registrations arrived within the debounce window: one build
            assertThat(component.builds()).isEqualTo(1);
            assertThat(component.current()).isTrue();

            unregister(items);
            // /health must not say UP while the server still serves the old set of resources
            assertThat(component.current()).isFalse();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> status(address + "/items/public") == 404);
            assertThat(status(address + "/extra")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(component::current);
        } finally {
            component.deactivate();
        }
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private ServiceReference<?> register(Object service, Map<String, Object> props) {
        Hashtable<String, Object> all = new Hashtable<>(props);
        long id = ids.incrementAndGet();
        all.put("service.id", id);
        all.put("objectClass", new String[] {service.getClass().getName()});
        ServiceReference<?> ref = reference(all);
        services.put(ref, service);
        fire(ServiceEvent.REGISTERED, ref);
        return ref;
    }

    private void unregister(ServiceReference<?> ref) {
        fire(ServiceEvent.UNREGISTERING, ref);
        services.remove(ref);
    }

    private void fire(int type, ServiceReference<?> ref) {
        for (Map.Entry<ServiceListener, org.osgi.framework.Filter> l : listeners) {
            if (l.getValue() == null || l.getValue().match(ref)) {
                l.getKey().serviceChanged(new ServiceEvent(type, ref));
            }
        }
    }

    private static ServiceReference<?> reference(Dictionary<String, Object> props) {
        return (ServiceReference<?>) Proxy.newProxyInstance(RestServerComponentTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (self, m, args) -> switch (m.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "getPropertyKeys" -> java.util.Collections.list(props.keys()).toArray(new String[0]);
                    case "getProperties" -> props;
                    case "compareTo" -> Long.compare((Long) ((ServiceReference<?>) args[0]).getProperty("service.id"),
                            (Long) props.get("service.id")) * -1;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "isAssignableTo" -> true;
                    case "toString" -> "ref" + props.get("service.id");
                    default -> null;
                });
    }

    private BundleContext context() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (self, m, args) -> "getVersion".equals(m.getName()) ? Version.parseVersion("1.0.0") : null);
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (self, m, args) -> switch (m.getName()) {
                    case "getBundle" -> bundle;
                    case "addServiceListener" -> {
                        listeners.add(new java.util.AbstractMap.SimpleEntry<>((ServiceListener) args[0],
                                args.length > 1 && args[1] != null
                                        ? org.osgi.framework.FrameworkUtil.createFilter((String) args[1]) : null));
                        yield null;
                    }
                    case "removeServiceListener" -> {
                        listeners.removeIf(e -> e.getKey() == args[0]);
                        yield null;
                    }
                    case "getService" -> services.get(args[0]);
                    case "ungetService" -> true;
                    case "createFilter" -> org.osgi.framework.FrameworkUtil.createFilter((String) args[0]);
                    default -> null;
                });
    }

    /** The metatype defaults (as Configuration Admin would give them) with this address. */
    private static RestConfig config(String address) {
        return (RestConfig) Proxy.newProxyInstance(RestConfig.class.getClassLoader(), new Class<?>[] {RestConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> RestConfig.class;
                    case "address" -> address;
                    case "maxBodyBytes" -> 1024L;
                    default -> method.getDefaultValue();
                });
    }
}
