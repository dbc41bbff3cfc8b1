package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongpao.core.Caller;
import org.tongpao.rest.internal.AccessRules.Decision;

class AccessRulesTest {

    static class Plain {
        public void none() {
        }

        @RolesAllowed("ministry-admin")
        public void admin() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }
    }

    @RolesAllowed({"province-officer", "ministry-officer"})
    static class Officers {
        public void inherited() {
        }

        @RolesAllowed("auditor")
        public void auditorOnly() {
        }

        @PermitAll
        public void open() {
        }
    }

    @PermitAll
    static class Public {
        public void inherited() {
        }

        @RolesAllowed("ministry-admin")
        public void adminOnly() {
        }
    }

    private static final Caller NOBODY = null;
    private static final Caller NO_ROLES = Caller.of("u", Set.of(), "r");
    private static final Caller ADMIN = Caller.of("a", Set.of("ministry-admin"), "r");
    private static final Caller OFFICER = Caller.of("o", Set.of("province-officer", "province-42"), "r");
    private static final Caller AUDITOR = Caller.of("x", Set.of("auditor"), "r");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Plain.class, "none", NOBODY, Decision.UNAUTHENTICATED),
                Arguments.of(Plain.class, "none", NO_ROLES, Decision.ALLOW),
                Arguments.of(Plain.class, "admin", NOBODY, Decision.UNAUTHENTICATED),
                Arguments.of(Plain.class, "admin", OFFICER, Decision.FORBIDDEN),
                Arguments.of(Plain.class, "admin", ADMIN, Decision.ALLOW),
                Arguments.of(Plain.class, "open", NOBODY, Decision.ALLOW),
                Arguments.of(Plain.class, "closed", ADMIN, Decision.FORBIDDEN),
                Arguments.of(Plain.class, "closed", NOBODY, Decision.FORBIDDEN),
                Arguments.of(Officers.class, "inherited", OFFICER, Decision.ALLOW),
                Arguments.of(Officers.class, "inherited", ADMIN, Decision.FORBIDDEN),
                Arguments.of(Officers.class, "inherited", NO_ROLES, Decision.FORBIDDEN),
                Arguments.of(Officers.class, "auditorOnly", OFFICER, Decision.FORBIDDEN),
                Arguments.of(Officers.class, "auditorOnly", AUDITOR, Decision.ALLOW),
                Arguments.of(Officers.class, "open", NOBODY, Decision.ALLOW),
                Arguments.of(Public.class, "inherited", NOBODY, Decision.ALLOW),
                Arguments.of(Public.class, "adminOnly", NOBODY, Decision.UNAUTHENTICATED),
                Arguments.of(Public.class, "adminOnly", OFFICER, Decision.FORBIDDEN),
                Arguments.of(Public.class, "adminOnly", ADMIN, Decision.ALLOW));
    }

    @ParameterizedTest(name = "{0}.{1} as {2} -> {3}")
    @MethodSource("table")
    void decides(Class<?> resource, String method, Caller caller, Decision expected) throws Exception {
        Method m = resource.getMethod(method);
        assertThat(AccessRules.decide(m, resource, caller)).isEqualTo(expected);
    }
}
