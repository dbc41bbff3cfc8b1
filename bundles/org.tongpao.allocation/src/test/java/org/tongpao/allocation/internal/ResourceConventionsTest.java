package org.tongpao.allocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import javax.annotation.security.RolesAllowed;
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
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
                assertThat(roles).as(name).isNotNull();
                Parameter first = m.getParameters()[0];
                assertThat(first.getType()).as(name).isEqualTo(Caller.class);
                assertThat(first.isAnnotationPresent(Context.class)).as(name).isTrue();
                if (write) {
                    assertThat(Arrays.stream(m.getParameters()).map(p -> p.getAnnotation(HeaderParam.class))
                            .anyMatch(h -> h != null && h.value().equals("Idempotency-Key"))).as(name).isTrue();
                    assertThat(roles.value()).as(name + " lets auditors write").doesNotContain(Roles.AUDITOR);
                }
            }
        }
    }
}
