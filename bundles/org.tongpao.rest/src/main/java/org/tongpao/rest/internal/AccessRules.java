package org.tongpao.rest.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import org.tongpao.core.Caller;

/** Who may call a resource method: {@code @DenyAll}, {@code @PermitAll}, {@code @RolesAllowed}, method first. */
final class AccessRules {

    enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    /** The OpenAPI document and the Swagger UI are public; matched by class, so no path can borrow it. */
    private static final Set<String> DOCUMENTATION = Set.of("org.apache.cxf.jaxrs.openapi.OpenApiResource",
            "org.apache.cxf.jaxrs.openapi.OpenApiCustomizedResource", "org.apache.cxf.jaxrs.swagger.ui.SwaggerUiService");

    private AccessRules() {
    }

    static boolean isPublic(Method method, Class<?> resource) {
        if (resource != null && DOCUMENTATION.contains(resource.getName())) {
            return true;
        }
        AnnotatedElement rule = effective(method, resource);
        return rule != null && rule.isAnnotationPresent(PermitAll.class) && !rule.isAnnotationPresent(DenyAll.class);
    }

    static Decision decide(Method method, Class<?> resource, Caller caller) {
        if (isPublic(method, resource)) {
            return Decision.ALLOW;
        }
        AnnotatedElement rule = effective(method, resource);
        if (rule != null && rule.isAnnotationPresent(DenyAll.class)) {
            return Decision.FORBIDDEN;
        }
        if (caller == null) {
            return Decision.UNAUTHENTICATED;
        }
        RolesAllowed roles = rule == null ? null : rule.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            return Decision.ALLOW;
        }
        for (String role : roles.value()) {
            if (caller.hasRole(role)) {
                return Decision.ALLOW;
            }
        }
        return Decision.FORBIDDEN;
    }

    /** The method if it carries a security annotation, else the class if it does, else null. */
    private static AnnotatedElement effective(Method method, Class<?> resource) {
        if (method != null && hasRule(method)) {
            return method;
        }
        if (resource != null && hasRule(resource)) {
            return resource;
        }
        return null;
    }

    private static boolean hasRule(AnnotatedElement e) {
        return e.isAnnotationPresent(DenyAll.class) || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(RolesAllowed.class);
    }
}
