package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.ws.rs.core.Response;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.spi.HealthContributor;

class HealthResourceTest {

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args));
    }

    private static Feature feature(String name) {
        return stub(Feature.class, (m, a) -> "getName".equals(m) ? name : null);
    }

    private static HealthResource resource(boolean dbValid) {
        HealthResource h = new HealthResource();
        h.node = new NodeIdentity() {
            @Override
            public String id() {
                return "central";
            }

            @Override
            public boolean demo() {
                return false;
            }
        };
        h.features = stub(FeaturesService.class, (m, a) -> "listInstalledFeatures".equals(m)
                ? new Feature[] {feature("tongpao-central"), feature("cxf-jaxrs"), feature("tongpao-base")}
                : null);
        Connection connection = stub(Connection.class, (m, a) -> "isValid".equals(m) ? dbValid : null);
        h.dataSource = stub(DataSource.class, (m, a) -> "getConnection".equals(m) ? connection : null);
        h.realm = stub(org.apache.karaf.jaas.config.JaasRealm.class, (m, a) -> "getName".equals(m) ? "tongpao" : null);
        h.scr = runtime(component("org.tongpao.core", "JdbcDepotService", true, ComponentConfigurationDTO.ACTIVE),
                component("org.tongpao.rest", "HealthResource", true, ComponentConfigurationDTO.SATISFIED));
        h.boot = () -> true;
        h.server = () -> true;
        return h;
    }

    /** A component of a bundle: enabled or not, with one configuration in {@code state} (or none when 0). */
    private static Object[] component(String bundle, String name, boolean enabled, int state) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.bundle = new org.osgi.framework.dto.BundleDTO();
        d.bundle.symbolicName = bundle;
        List<ComponentConfigurationDTO> configurations = new java.util.ArrayList<>();
        if (state != 0) {
            ComponentConfigurationDTO c = new ComponentConfigurationDTO();
            c.state = state;
            configurations.add(c);
        }
        return new Object[] {d, enabled, configurations};
    }

    private static ServiceComponentRuntime runtime(Object[]... components) {
        return stub(ServiceComponentRuntime.class, (m, a) -> {
            switch (m) {
                case "getComponentDescriptionDTOs":
                    return java.util.Arrays.stream(components).map(c -> (ComponentDescriptionDTO) c[0]).toList();
                case "isComponentEnabled":
                case "getComponentConfigurationDTOs":
                    for (Object[] c : components) {
                        if (c[0] == a[0]) {
                            return "isComponentEnabled".equals(m) ? c[1] : c[2];
                        }
                    }
                    throw new IllegalArgumentException("unknown component");
                default:
                    return null;
            }
        });
    }

    @Test
    void upWithSortedCapabilities() {
        Response r = resource(true).health();
        assertThat(r.getStatus()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(body).containsEntry("status", "UP").containsEntry("node", "central")
                .containsEntry("capabilities", List.of("tongpao-base", "tongpao-central"));
    }

    @Test
    void contributedChecksShowTheirDetailsAndOnlyAnEssentialDownTurnsTheNodeDown() {
        HealthResource h = resource(true);
        h.contributors = List.of(contributor("federation", new HealthContributor.Check(false, false,
                Map.of("state", "disconnected"))));
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(checks(r)).containsEntry("federation", "DOWN");
        assertThat(body).containsEntry("details", Map.of("federation", Map.of("state", "disconnected")));

        h.contributors = List.of(contributor("disk", new HealthContributor.Check(false, true, Map.of())));
        assertThat(h.health().getStatus()).isEqualTo(503);
        h.contributors = List.of(contributor("broken", null));
        assertThat(checks(h.health())).containsEntry("broken", "DOWN");
    }

    /** A contributor answering {@code check}, or throwing when it is null. */
    private static HealthContributor contributor(String name, HealthContributor.Check check) {
        return new HealthContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Check check() {
                if (check == null) {
                    throw new IllegalStateException("cannot tell");
                }
                return check;
            }
        };
    }

    @Test
    void downWhenTheDatabaseFails() {
        Response r = resource(false).health();
        assertThat(r.getStatus()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(body).containsEntry("status", "DOWN").containsEntry("checks", Map.of("node", "UP", "database", "DOWN", "accounts", "UP",
                "components", "UP", "boot", "UP", "endpoints", "UP"));
    }

    @Test
    void downUntilTheRealmIsThereSinceNoLoginCouldSucceed() {
        HealthResource h = resource(true);
        h.realm = null;
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(body).containsEntry("checks", Map.of("node", "UP", "database", "UP", "accounts", "DOWN",
                "components", "UP", "boot", "UP", "endpoints", "UP"));
    }

    @Test
    void downWhenTheDatabaseThrowsOrIsMissing() {
        DataSource broken = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    throw new SQLException("connection refused");
                });
        assertThat(HealthResource.databaseUp(broken)).isFalse();
        assertThat(HealthResource.databaseUp(null)).isFalse();
        HealthResource h = resource(true);
        h.dataSource = null;
        assertThat(h.health().getStatus()).isEqualTo(503);
        h.node = null;
        h.features = null;
        assertThat(h.health().getStatus()).isEqualTo(503);
    }

    @Test
    void downWhileATongpaoComponentWaitsForWhatItNeedsThenUp() {
        HealthResource h = resource(true);
        Object[] migrating = component("org.tongpao.transport", "JdbcTransportService", true,
                ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        h.scr = runtime(component("org.tongpao.core", "JdbcDepotService", true, ComponentConfigurationDTO.ACTIVE),
                migrating,
                component("org.tongpao.transport", "NeverActivated", true, 0),
                component("org.tongpao.transport", "SwitchedOff", false, 0),
                component("org.example.express", "ExpressCarrier", true, ComponentConfigurationDTO.UNSATISFIED_REFERENCE));
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        // a partner's bundle is its own business; disabled components are not expected to run
        assertThat(body).containsEntry("checks", Map.of("node", "UP", "database", "UP", "accounts", "UP",
                "components", "DOWN", "boot", "UP", "endpoints", "UP")).containsEntry("componentsNotReady", List.of("JdbcTransportService",
                "NeverActivated"));

        ((ComponentConfigurationDTO) ((List<?>) migrating[2]).get(0)).state = ComponentConfigurationDTO.ACTIVE;
        assertThat(HealthResource.notReady(h.scr)).containsExactly("NeverActivated");
        h.scr = null;
        assertThat(h.health().getStatus()).isEqualTo(503);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checks(Response r) {
        return (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("checks");
    }

    /** Item 19: UP while Karaf still installed the boot features (capabilities empty) made a launcher test flaky. */
    @Test
    void downUntilBootProvisioningIsFinished() {
        HealthResource h = resource(true);
        boolean[] finished = {false};
        h.boot = () -> finished[0];
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(checks(r)).containsEntry("boot", "DOWN").containsEntry("components", "UP");
        finished[0] = true;
        assertThat(h.health().getStatus()).isEqualTo(200);
        h.boot = null;
        assertThat(h.health().getStatus()).isEqualTo(503);
    }

    /** Item 19: UP 0.2-0.5 s before the inventory endpoints were mounted (a write right after UP got 404). */
    @Test
    void downUntilTheServerServesEveryRegisteredResource() {
        HealthResource h = resource(true);
        boolean[] current = {false};
        h.server = () -> current[0];
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(checks(r)).containsEntry("endpoints", "DOWN");
        current[0] = true;
        assertThat(h.health().getStatus()).isEqualTo(200);
        h.server = null;
        assertThat(h.health().getStatus()).isEqualTo(503);
    }

    @Test
    void bootIsFinishedOnlyWithBootFinishedAndNoDeploymentRunning() {
        assertThat(ProvisioningWatch.finished(true, org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_FINISHED)).isTrue();
        assertThat(ProvisioningWatch.finished(false, org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_FINISHED))
                .isFalse();
        for (org.apache.karaf.features.DeploymentEvent running : List.of(
                org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_STARTED,
                org.apache.karaf.features.DeploymentEvent.BUNDLES_INSTALLED,
                org.apache.karaf.features.DeploymentEvent.BUNDLES_RESOLVED)) {
            assertThat(ProvisioningWatch.finished(true, running)).isFalse();
        }
        // Karaf tells a new listener the last event when it registers
        java.util.List<Object> registered = new java.util.ArrayList<>();
        FeaturesService fs = stub(FeaturesService.class, (m, a) -> {
            if ("registerListener".equals(m)) {
                registered.add(a[0]);
                ((org.apache.karaf.features.DeploymentListener) a[0]).deploymentEvent(
                        org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_FINISHED);
            }
            if ("unregisterListener".equals(m)) {
                registered.remove(a[0]);
            }
            return null;
        });
        ProvisioningWatch watch = new ProvisioningWatch(fs);
        assertThat(watch.finished()).isFalse();
        watch.bootFinished = new org.apache.karaf.features.BootFinished() {
        };
        assertThat(watch.finished()).isTrue();
        watch.deploymentEvent(org.apache.karaf.features.DeploymentEvent.DEPLOYMENT_STARTED);
        assertThat(watch.finished()).isFalse();
        watch.deactivate();
        assertThat(registered).isEmpty();
    }
}
