package org.tongpao.rest.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.rest.internal.login.LoginGuard;

/**
 * The one Tongpao REST server. Every service registered with {@code osgi.jaxrs.resource=true} becomes
 * a resource and every {@code osgi.jaxrs.extension=true} service a provider, from any bundle; when
 * they come and go the server is rebuilt off the request path, debounced, and switched over with
 * the smallest gap CXF allows (see {@link EndpointSwitch}).
 */
@Component(configurationPid = "org.tongpao.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true, service = {})
@Designate(ocd = RestConfig.class)
public final class RestServerComponent implements ServerReadiness {
    static final long DEBOUNCE_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(RestServerComponent.class);

    private final ScheduledExecutorService scheduler;
    private final ServiceCollector resources;
    private final ServiceCollector extensions;
    private final CachingAuthenticator logins;
    private final BrowserSessions sessions;
    private final ServerFactory factory;
    private final EndpointSwitch endpoint = new EndpointSwitch();
    private final String apiVersion;
    private volatile RestConfig config;
    private final AtomicInteger builds = new AtomicInteger();
    /** Counts service changes (and config changes); the live server is current when it was built from the latest. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long served = -1;
    private final ServiceRegistration<ServerReadiness> readiness;
    private ScheduledFuture<?> pending;
    private boolean closed;

    @Activate
    public RestServerComponent(BundleContext context, RestConfig config, @Reference LoginGuard guard) {
        this.config = config;
        this.apiVersion = context.getBundle().getVersion().toString();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tongpao-rest-rebuild");
            t.setDaemon(true);
            return t;
        });
        this.logins = new CachingAuthenticator(new JaasAuthenticator(() -> this.config.realm()),
                config.authCacheSeconds() * 1000L, System::nanoTime);
        this.sessions = new BrowserSessions(sessionLimits(config), System::currentTimeMillis);
        this.factory = new ServerFactory(BusFactory.getDefaultBus(true), logins, guard, sessions);
        this.resources = new ServiceCollector(context, "(" + JaxRs.RESOURCE + ")",
                this::scheduleRebuild);
        this.extensions = new ServiceCollector(context, "(" + JaxRs.EXTENSION + ")",
                this::scheduleRebuild);
        resources.open(true);
        extensions.open(true);
        scheduleRebuild();
        // registered by hand once constructed: as a DS service it would be asked for by HealthResource while
        // the trackers above activate HealthResource inside this constructor (SCR reports a circular reference)
        readiness = context.registerService(ServerReadiness.class, this, null);
    }

    @Modified
    void modified(RestConfig newConfig) {
        this.config = newConfig;
        sessions.update(sessionLimits(newConfig));
        scheduleRebuild();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (readiness != null) {
            readiness.unregister();
        }
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        // let a rebuild in progress finish rather than interrupt CXF halfway through
        scheduler.shutdown();
        if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("REST rebuild still running after 10 s; stopping the server anyway");
            scheduler.shutdownNow();
        }
        resources.close();
        extensions.close();
        endpoint.close();
        logins.close();
        if (OpenApiPresence.PRESENT) {
            IsoDurations.unregister(); // swagger's converters outlive this bundle: leave none of our classes there
        }
        LOG.info("Tongpao REST server stopped");
    }

    /** Coalesces a burst of service changes (a feature install) into one rebuild. */
    synchronized void scheduleRebuild() {
        if (closed) {
            return;
        }
        changes.incrementAndGet();
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::rebuild, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void rebuild() {
        // read before the snapshot: a change arriving meanwhile leaves the server not current until its own rebuild
        long change = changes.get();
        RestConfig c = config;
        List<Object> resourceList = resources.services();
        List<Object> extensionList = extensions.services();
        if (resourceList.isEmpty()) {
            // CXF cannot build a server without resources; answer nothing rather than stale paths
            endpoint.close();
            LOG.info("No REST resources registered; server at {} is down", c.address());
            return;
        }
        long start = System.nanoTime();
        Server next = null;
        try {
            next = factory.create(settings(c), resourceList, extensionList);
            endpoint.switchTo(next);
            served = change;
            builds.incrementAndGet();
            LOG.info("REST server at {} serves {} resources and {} extensions (built in {} ms)", c.address(),
                    resourceList.size(), extensionList.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // keep serving with the previous server; one faulty partner resource must not take the API down
            LOG.error("Rebuilding the REST server at {} failed; the previous server stays live", c.address(), e);
            if (next != null) {
                EndpointSwitch.discard(next, endpoint.current());
            }
        }
    }

    static BrowserSessions.Limits sessionLimits(RestConfig c) {
        return new BrowserSessions.Limits(c.sessionIdleMinutes() * 60_000L, c.sessionMaxHours() * 3_600_000L);
    }

    /** True when no rebuild is pending and the last one succeeded: every registered resource is served. */
    @Override
    public boolean current() {
        return served == changes.get();
    }

    /** How many servers went live; lets tests observe the debounce. */
    int builds() {
        return builds.get();
    }

    private ServerFactory.Settings settings(RestConfig c) {
        return new ServerFactory.Settings(c.address(), c.realm(), c.maxBodyBytes(), apiVersion,
                "/api" + c.address() + "/openapi.json", c.publicBaseUrl(), BodyLimits.parse(c.bodyLimits()));
    }
}
