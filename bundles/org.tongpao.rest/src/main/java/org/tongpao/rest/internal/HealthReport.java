package org.tongpao.rest.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The shape of {@code GET /health} for the OpenAPI document ({@link HealthResource} builds it as a map). */
@Schema(name = "Health")
record HealthReport(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"UP", "DOWN"}) String status,
        @Schema(description = "central or province:<code>") String node,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Installed tongpao-* features")
        List<String> capabilities,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "UP or DOWN per check")
        Map<String, String> checks,
        @Schema(description = "Tongpao components not yet ready (only when some are)") List<String> componentsNotReady,
        @Schema(description = "What the checks other bundles contribute show, by check name (e.g. federation: its "
                + "links); a non-essential check (a link to another node) may be DOWN while the node is UP")
        Map<String, Object> details) {
}
