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
import org.tongpao.core.NodeIdentity;

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
        return h;
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
    void downWhenTheDatabaseFails() {
        Response r = resource(false).health();
        assertThat(r.getStatus()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(body).containsEntry("status", "DOWN").containsEntry("checks", Map.of("node", "UP", "database", "DOWN", "accounts", "UP"));
    }

    @Test
    void downUntilTheRealmIsThereSinceNoLoginCouldSucceed() {
        HealthResource h = resource(true);
        h.realm = null;
        Response r = h.health();
        assertThat(r.getStatus()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertThat(body).containsEntry("checks", Map.of("node", "UP", "database", "UP", "accounts", "DOWN"));
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
}
