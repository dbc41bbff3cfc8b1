package org.tongpao.rest.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.integration.api.OpenAPIConfiguration;
import java.util.Map;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.jaxrs.openapi.OpenApiCustomizer;
import org.apache.cxf.jaxrs.openapi.OpenApiFeature;
import org.apache.cxf.jaxrs.swagger.ui.SwaggerUiConfig;

/**
 * The OpenAPI document at {@code openapi.json} and the Swagger UI at {@code api-docs}. Load this class only when
 * {@link OpenApiPresence#PRESENT}: its signatures name the optional swagger and CXF description classes.
 */
final class OpenApiSupport {
    static final String SECURITY_SCHEME = "basicAuth";
    static final String APPLICATION_SCANNER = "io.swagger.v3.jaxrs2.integration.JaxrsApplicationScanner";

    private OpenApiSupport() {
    }

    /**
     * One feature per server build: no class-path scan (the document covers exactly the resources of
     * this server) and a context of its own, so a rebuilt server never serves a stale document.
     */
    static Feature feature(String version, String documentUrl) {
        OpenApiFeature f = new OpenApiFeature();
        f.setScan(false);
        // only the application's own classes; swagger's default scanner walks the whole class path
        // (slow, and it would document resources this server does not serve)
        f.setScannerClass(APPLICATION_SCANNER);
        f.setScanKnownConfigLocations(false);
        f.setUseContextBasedConfig(true);
        f.setTitle("Tongpao API");
        f.setDescription("Emergency logistics: organisation, catalogue, depots, stock, allocation, transport. Every "
                + "error is application/problem+json (the Problem schema); lists answer {\"items\": [...], \"nextCursor\": ...}.");
        IsoDurations.register();
        f.setVersion(version);
        f.setPrettyPrint(true);
        f.setSupportSwaggerUi(true);
        f.setSwaggerUiConfig(new SwaggerUiConfig().url(documentUrl).queryConfigEnabled(false));
        f.setSecurityDefinitions(Map.of(SECURITY_SCHEME,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
        f.setCustomizer(new GlobalBasicAuth());
        return f;
    }

    /**
     * Applies the Basic scheme to every operation (a public one says {@code @SecurityRequirements()} next to
     * its {@code @PermitAll}) and completes the document ({@link DocumentedErrors}).
     */
    static final class GlobalBasicAuth extends OpenApiCustomizer {
        @Override
        public OpenAPIConfiguration customize(OpenAPIConfiguration configuration) {
            OpenAPIConfiguration c = super.customize(configuration);
            OpenAPI oas = c == null ? null : c.getOpenAPI();
            if (oas != null && (oas.getSecurity() == null || oas.getSecurity().stream()
                    .noneMatch(r -> r.containsKey(SECURITY_SCHEME)))) {
                oas.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
            }
            DocumentedErrors.complete(oas);
            return c;
        }

        @Override
        public void customize(OpenAPI oas) {
            super.customize(oas);
            DocumentedErrors.complete(oas);
        }
    }
}
