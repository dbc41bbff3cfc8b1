package org.tongpao.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.security.PermitAll;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.rest.JaxRs;
import org.tongpao.core.spi.HealthContributor;

/**
 * {@code GET /health}: which node this is, which Tongpao features it runs, whether the database
 * answers, and whether every Tongpao component is ready (a bundle still migrating its schema keeps its
 * services, and so its resources, away until it is), whether Karaf has finished provisioning features and whether
 * the REST server already serves every registered resource: UP means every installed capability's endpoints answer.
 * Registered like any other resource, so it also proves the tracking path.
 * References are optional and dynamic (field injection, which constructor injection cannot do) so
 * the endpoint reports a missing piece instead of disappearing. Other bundles add checks by registering a
 * {@link HealthContributor} (core SPI 1.3): its UP/DOWN joins {@code checks}, its details {@code details}.
 */
@Component(service = HealthResource.class, property = JaxRs.RESOURCE)
@Path("health")
@PermitAll
@Tag(name = "health")
public final class HealthResource {
    static final String CAPABILITY_PREFIX = "tongpao-";
    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile NodeIdentity node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FeaturesService features;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(dataSourceName=tongpao)")
    volatile DataSource dataSource;

    /** Tongpao's own realm (org.tongpao.security marks it): without it no login can succeed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(tongpao.realm=true)")
    volatile JaasRealm realm;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ServiceComponentRuntime scr;

    /** Karaf's boot features installed and no feature deployment running (see {@link ProvisioningWatch}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile BootState boot;

    /** The live REST server serves every registered resource (no rebuild pending or failed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ServerReadiness server;

    /** Parts of the node other bundles report (federation's links); only an essential DOWN makes the node DOWN. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<HealthContributor> contributors = List.of();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Node identity, installed capabilities, database, accounts and components state; 503 when a "
            + "check fails (componentsNotReady names the Tongpao components still waiting; boot: Karaf still installing "
            + "features; endpoints: the REST server not yet rebuilt with every registered resource)")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "Every check is UP",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @ApiResponse(responseCode = "503", description = "A check is DOWN",
            content = @Content(schema = @Schema(implementation = HealthReport.class)))
    public Response health() {
        NodeIdentity n = node;
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("node", n != null ? "UP" : "DOWN");
        checks.put("database", databaseUp(dataSource) ? "UP" : "DOWN");
        checks.put("accounts", realm != null ? "UP" : "DOWN");
        List<String> waiting = notReady(scr);
        checks.put("components", waiting.isEmpty() ? "UP" : "DOWN");
        BootState b = boot;
        checks.put("boot", b != null && b.finished() ? "UP" : "DOWN");
        ServerReadiness r = server;
        checks.put("endpoints", r != null && r.current() ? "UP" : "DOWN");
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> details = new LinkedHashMap<>();
        up &= contributions(contributors, checks, details);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("node", n != null ? n.id() : null);
        body.put("capabilities", capabilities(features));
        body.put("checks", checks);
        if (!waiting.isEmpty()) {
            body.put("componentsNotReady", waiting);
        }
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        return Response.status(up ? 200 : 503).entity(body).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * Adds each contributor's check (UP/DOWN) and details; false when an essential one is DOWN. A contributor that
     * throws is DOWN (and essential: a failing check is not a known, tolerable state).
     */
    static boolean contributions(List<HealthContributor> contributors, Map<String, String> checks,
            Map<String, Object> details) {
        boolean up = true;
        for (HealthContributor c : contributors) {
            HealthContributor.Check check;
            try {
                check = c.check();
            } catch (RuntimeException e) {
                LOG.warn("Health check {} failed", c.name(), e);
                check = new HealthContributor.Check(false, true, Map.of("error", e.getClass().getSimpleName()));
            }
            checks.put(c.name(), check.up() ? "UP" : "DOWN");
            if (!check.details().isEmpty()) {
                details.put(c.name(), check.details());
            }
            up &= check.up() || !check.essential();
        }
        return up;
    }

    static boolean databaseUp(DataSource ds) {
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            // a pool may fail with unchecked exceptions too; either way the check is DOWN, not a 500
            LOG.warn("Health check: database unavailable: {}", e.toString());
            return false;
        }
    }

    /**
     * The enabled Declarative Services components of Tongpao's bundles ({@code org.tongpao.*}) that are not
     * satisfied or failed to activate, by name; all of them when the runtime itself is missing.
     */
    static List<String> notReady(ServiceComponentRuntime runtime) {
        if (runtime == null) {
            return List.of("(no Declarative Services runtime)");
        }
        List<String> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (d.bundle == null || d.bundle.symbolicName == null || !d.bundle.symbolicName.startsWith("org.tongpao.")
                    || !runtime.isComponentEnabled(d)) {
                continue;
            }
            var configurations = runtime.getComponentConfigurationDTOs(d);
            boolean ready = !configurations.isEmpty() && configurations.stream().allMatch(c ->
                    c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE);
            if (!ready) {
                out.add(d.name);
            }
        }
        Collections.sort(out);
        return out;
    }

    static List<String> capabilities(FeaturesService fs) {
        if (fs == null) {
            return List.of();
        }
        try {
            return Stream.of(fs.listInstalledFeatures()).map(Feature::getName)
                    .filter(name -> name.startsWith(CAPABILITY_PREFIX)).distinct().sorted().toList();
        } catch (Exception e) {
            // FeaturesService declares Exception; health still answers without the list
            LOG.warn("Health check: cannot list installed features", e);
            return List.of();
        }
    }
}
