package org.tongpao.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.validation.ValidationProviderResolver;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.model.wadl.WadlGenerator;
import org.apache.cxf.jaxrs.validation.JAXRSBeanValidationInInterceptor;
import org.apache.cxf.validation.BeanValidationProvider;
import org.hibernate.validator.HibernateValidator;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * Builds one configured, not yet started CXF JAX-RS server from a set of resources and extensions.
 * Free of OSGi so that tests run the very same server on a loopback port.
 */
final class ServerFactory {

    /** What one build needs; the component derives it from its configuration. */
    record Settings(String address, String realm, long maxBodyBytes, String apiVersion, String documentUrl,
            String publicBaseUrl, Map<String, Long> bodyLimits) {
        /** No overrides of {@code @BodyLimit} operations' limits. */
        Settings(String address, String realm, long maxBodyBytes, String apiVersion, String documentUrl,
                String publicBaseUrl) {
            this(address, realm, maxBodyBytes, apiVersion, documentUrl, publicBaseUrl, Map.of());
        }

        /** No public base URL: absolute URLs start with the listener's address. */
        Settings(String address, String realm, long maxBodyBytes, String apiVersion, String documentUrl) {
            this(address, realm, maxBodyBytes, apiVersion, documentUrl, "");
        }
    }

    private final Bus bus;
    private final Authenticator authenticator;
    private final LoginGuard guard;
    private final BrowserSessions sessions;
    private final BeanValidationProvider validation;

    ServerFactory(Bus bus, Authenticator authenticator) {
        this(bus, authenticator, new LoginGuard(new LoginThrottle(LoginThrottle.Settings.defaults(),
                System::currentTimeMillis), Set.of()));
    }

    ServerFactory(Bus bus, Authenticator authenticator, LoginGuard guard) {
        this(bus, authenticator, guard, new BrowserSessions(new BrowserSessions.Limits(30 * 60_000L, 12 * 3_600_000L),
                System::currentTimeMillis));
    }

    ServerFactory(Bus bus, Authenticator authenticator, LoginGuard guard, BrowserSessions sessions) {
        this.bus = bus;
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.guard = guard;
        // Hibernate Validator resolves its own services through the context class loader
        this.validation = withContextClassLoader(HibernateValidator.class.getClassLoader(),
                () -> new BeanValidationProvider(hibernateOnly(), HibernateValidator.class));
    }

    /** A server for these services, created but not started (the caller decides when to switch over). */
    Server create(Settings settings, List<Object> resources, List<Object> extensions) {
        JAXRSServerFactoryBean sf = new JAXRSServerFactoryBean();
        sf.setBus(bus);
        sf.setAddress(settings.address());
        sf.setStart(false);
        List<Object> beans = new ArrayList<>(resources);
        // the browser login belongs to the server itself: its sessions outlive rebuilds
        beans.add(new SessionResource(authenticator, guard, sessions, settings.publicBaseUrl()));
        sf.setServiceBeans(beans);

        List<Object> providers = new ArrayList<>();
        providers.add(JsonSupport.provider());
        providers.add(quietWadl());
        providers.add(new PublicBaseUriFilter(settings.publicBaseUrl()));
        providers.add(new BareBodyFilter());
        providers.add(new OptionsFilter());
        providers.add(new RequestIdFilter());
        providers.add(new SecurityHeadersFilter());
        providers.add(new BodyLimitFilter(new BodyLimits(settings.maxBodyBytes(), settings.bodyLimits())));
        providers.add(new RateLimitFilter(guard));
        providers.add(new AuthenticationFilter(authenticator, settings::realm, guard, sessions));
        providers.add(new AuthorizationFilter(settings::realm));
        providers.add(new CallerContextProvider());
        providers.addAll(ProblemMappers.all());
        providers.addAll(extensions);
        sf.setProviders(providers);
        extensions.stream().filter(IdempotentAnswers.class::isInstance).findFirst()
                .ifPresent(answers -> sf.setInvoker(new AnsweringInvoker((IdempotentAnswers) answers)));

        // requests only: the feature would also validate every response we build ourselves, for nothing
        JAXRSBeanValidationInInterceptor requestValidation = new JAXRSBeanValidationInInterceptor();
        requestValidation.setProvider(validation);
        sf.getInInterceptors().add(requestValidation);
        List<Feature> features = new ArrayList<>();
        if (OpenApiPresence.PRESENT) {
            features.add(OpenApiSupport.feature(settings.apiVersion(), settings.documentUrl()));
        }
        sf.setFeatures(features);

        return withContextClassLoader(ServerFactory.class.getClassLoader(), sf::create);
    }

    /** {@code ?_wadl} would describe every resource without authentication: turn the generator off. */
    private static WadlGenerator quietWadl() {
        WadlGenerator wadl = new WadlGenerator();
        wadl.setIgnoreRequests(true);
        return wadl;
    }

    private static ValidationProviderResolver hibernateOnly() {
        return () -> List.of(new HibernateValidator());
    }

    static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
