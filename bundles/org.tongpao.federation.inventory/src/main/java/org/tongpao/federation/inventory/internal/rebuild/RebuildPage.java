package org.tongpao.federation.inventory.internal.rebuild;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One page of a province's rebuild stream, as central answers {@code GET /federation/rebuild/{province}}.
 *
 * @param province   the province being rebuilt
 * @param section    what the rows are: {@code units}, {@code items}, {@code depots} or {@code lots}
 * @param rows       the records, by code (never central's ids), lots with their origin key
 * @param nextCursor what to send as {@code after} for the next page; null once the stream is complete
 * @param manifest   on the first page only (else null): how many records each section holds, what central
 *                   last received from the province, and the numbering the province continues from
 */
record RebuildPage(String province, String section,
        @ArraySchema(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE))
        List<Map<String, Object>> rows, String nextCursor,
        @Schema(type = "object", nullable = true, additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Map<String, Object> manifest) {
}
