package org.tongpao.dataimport.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.tongpao.dataimport.RowError;

/** The 400 of a refused file: the platform's problem fields plus every bad row and column. */
@Schema(name = "ImportProblem", description = "RFC 7807 problem of a refused file: nothing was imported")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "field", "errorCount", "errors"})
public record ImportProblem(String type, String title, int status, String detail, String instance, String requestId,
        @Schema(description = "the column of the first error") String field,
        @Schema(description = "how many errors the file has; errors lists at most 1,000") int errorCount,
        @Schema(description = "row (1 is the header row), column, the cell's text and what is wrong, in row order")
        List<RowError> errors) {
}
