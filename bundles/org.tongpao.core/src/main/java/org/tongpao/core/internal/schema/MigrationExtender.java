package org.tongpao.core.internal.schema;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.internal.DaemonThreads;
import org.tongpao.core.persistence.Migrations;
import org.tongpao.core.persistence.SchemaReady;

/**
 * The migration extender: tracks started bundles that carry a {@code Tongpao-Schema} header, runs each
 * one's Flyway migrations with the bundle's own class loader once every schema it requires is ready, and
 * registers {@link SchemaReady} ({@code tongpao.schema=<name>}) through that bundle's context, so the
 * service goes with the bundle. All of it runs on one background thread, in order, never on the framework's
 * event thread; a failed migration is logged and not tried again until the bundle starts again.
 */
@Component(immediate = true)
// the SchemaReady services are registered by hand, so DS's generated requirements need this capability
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"org.tongpao.core.persistence.SchemaReady\"",
        uses = SchemaReady.class)
public class MigrationExtender {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final DataSource dataSource;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(DaemonThreads.named("tongpao-migrations"));
    private final BundleTracker<Bundle> tracker;
    // touched on the worker thread only
    private final SchemaQueue<Bundle> queue = new SchemaQueue<>();
    private final Map<String, ServiceRegistration<SchemaReady>> registrations = new HashMap<>();
    private final Map<String, List<String>> loggedWaits = new HashMap<>();

    @Activate
    public MigrationExtender(BundleContext context,
            @Reference(target = "(dataSourceName=tongpao)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.execute(() -> List.copyOf(registrations.keySet()).forEach(this::unregister));
        worker.shutdown();
        if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
            LOG.warn("Schema migrations still running after 60 s at shutdown; interrupting");
            worker.shutdownNow();
        }
    }

    private final class Customizer implements BundleTrackerCustomizer<Bundle> {
        @Override
        public Bundle addingBundle(Bundle bundle, BundleEvent event) {
            String header = bundle.getHeaders("").get(SchemaReady.HEADER);
            if (header == null) {
                return null;
            }
            worker.execute(() -> declare(bundle, header));
            return bundle;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            // STARTING -> ACTIVE changes nothing
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Bundle tracked) {
            worker.execute(() -> withdraw(bundle));
        }
    }

    private void declare(Bundle bundle, String header) {
        SchemaDeclaration declaration;
        try {
            declaration = SchemaDeclaration.parse(header);
        } catch (IllegalArgumentException e) {
            LOG.error("Bundle {} declares an invalid {} header '{}': {}", bundle.getSymbolicName(), SchemaReady.HEADER,
                    header, e.getMessage());
            return;
        }
        Optional<Bundle> first = queue.declare(declaration, bundle);
        if (first.isPresent()) {
            LOG.error("Bundle {} declares schema '{}', which bundle {} declared first; ignored",
                    bundle.getSymbolicName(), declaration.name(), first.get().getSymbolicName());
            return;
        }
        migrateWhatIsReady();
    }

    private void withdraw(Bundle bundle) {
        for (SchemaQueue.Entry<Bundle> e : queue.withdraw(bundle)) {
            unregister(e.name());
            loggedWaits.remove(e.name());
            LOG.info("Schema '{}' withdrawn: bundle {} stopped", e.name(), bundle.getSymbolicName());
        }
    }

    private void migrateWhatIsReady() {
        for (Optional<SchemaQueue.Entry<Bundle>> next = queue.next(); next.isPresent(); next = queue.next()) {
            migrate(next.get());
        }
        for (SchemaQueue.Entry<Bundle> e : queue.waiting()) {
            List<String> missing = queue.missing(e);
            if (!missing.equals(loggedWaits.put(e.name(), missing))) {
                LOG.info("Schema '{}' of bundle {} waits for schema(s) {}", e.name(), e.owner().getSymbolicName(),
                        missing);
            }
        }
    }

    private void migrate(SchemaQueue.Entry<Bundle> e) {
        Bundle bundle = e.owner();
        SchemaDeclaration d = e.declaration();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        BundleContext context = bundle.getBundleContext();
        if (wiring == null || context == null) {
            LOG.warn("Bundle {} stopped before its schema '{}' migrated", bundle.getSymbolicName(), d.name());
            queue.failed(d.name());
            return;
        }
        try {
            Migrations.migrate(dataSource, wiring.getClassLoader(), d.migrations(), d.history());
        } catch (RuntimeException ex) {
            LOG.error("Migrations of schema '{}' (bundle {}, {}) failed; not retried until the bundle restarts",
                    d.name(), bundle.getSymbolicName(), d.migrations(), ex);
            queue.failed(d.name());
            return;
        }
        queue.ready(d.name());
        loggedWaits.remove(d.name());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SchemaReady.PROPERTY, d.name());
        try {
            registrations.put(d.name(), context.registerService(SchemaReady.class, SchemaReady.of(d.name(), dataSource),
                    props));
            LOG.info("Schema '{}' of bundle {} is ready", d.name(), bundle.getSymbolicName());
        } catch (IllegalStateException stopped) {
            LOG.warn("Bundle {} stopped while its schema '{}' migrated", bundle.getSymbolicName(), d.name(), stopped);
        }
    }

    private void unregister(String name) {
        ServiceRegistration<SchemaReady> registration = registrations.remove(name);
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopped bundle's services itself
            LOG.debug("SchemaReady '{}' was already unregistered with its bundle", name);
        }
    }
}
