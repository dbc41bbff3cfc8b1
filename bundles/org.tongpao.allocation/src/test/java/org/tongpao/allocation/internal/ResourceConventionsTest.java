package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.core.Context;
import org.junit.jupiter.api.Test;
import org.tongpao.allocation.internal.rest.BatchResource;
import org.tongpao.allocation.internal.rest.MutualAidResource;
import org.tongpao.allocation.internal.rest.NeedResource;
import org.tongpao.allocation.internal.rest.PlanResource;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;

/** Every operation names its roles and takes the caller; every write takes an Idempotency-Key. */
class ResourceConventionsTest {

    @Test
    void resourcesFollowTheRestConventions() {
        for (Class<?> type : List.of(NeedResource.class, PlanResource.class, BatchResource.class,
                MutualAidResource.class)) {
            for (Method m : type.getDeclaredMethods()) {
                boolean write = m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(DELETE.class);
                if (!write && !m.isAnnotationPresent(GET.class)) {
                    continue;
                }
                String name = type.getSimpleName() + "." + m.getName();
                // a method names its own roles or takes the ones its class names once
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                assertThat(roles).as(name).isNotNull();
                Parameter first = m.getParameters()[0];
                assertThat(first.getType()).as(name).isEqualTo(Caller.class);
                assertThat(first.isAnnotationPresent(Context.class)).as(name).isTrue();
                if (write) {
                    assertThat(Arrays.stream(m.getParameters()).anyMatch(ResourceConventionsTest::idempotencyKey))
                            .as(name).isTrue();
                    assertThat(roles.value()).as(name + " lets auditors write").doesNotContain(Roles.AUDITOR);
                }
            }
        }
    }

    /** The header itself, or the kit's bean that carries it. */
    private static boolean idempotencyKey(Parameter p) {
        HeaderParam header = p.getAnnotation(HeaderParam.class);
        if (header != null) {
            return header.value().equals("Idempotency-Key");
        }
        return p.isAnnotationPresent(BeanParam.class) && Arrays.stream(p.getType().getDeclaredFields())
                .map(f -> f.getAnnotation(HeaderParam.class))
                .anyMatch(h -> h != null && h.value().equals("Idempotency-Key"));
    }
}
