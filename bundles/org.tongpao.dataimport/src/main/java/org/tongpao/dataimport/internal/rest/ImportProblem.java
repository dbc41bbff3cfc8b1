package org.tongpao.dataimport.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The 400 of the import operation: a refused file (every bad row and column, {@code errorCount}), or the platform's
 * usual problem for a bad request before any row is read (a {@code kind}, a {@code Content-Type}, an empty file),
 * whose {@code errors} name a {@code field}: one schema for both, so the document tells the truth about either.
 */
@Schema(name = "ImportProblem", description = "RFC 7807 problem of a refused file: nothing was imported")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "field", "errorCount", "errors"})
public record ImportProblem(String type, String title, int status, String detail, String instance, String requestId,
        @Schema(description = "the column of the first error") String field,
        @Schema(description = "how many errors the file has; errors lists at most 1,000") Integer errorCount,
        @Schema(description = "a refused file's faults in row order: row (1 is the header row), column, the cell's "
                + "text and what is wrong; for a bad request, the field and what is wrong") List<ImportError> errors) {

    /** One fault: a file's (row, column, value) or a request's (field). */
    @Schema(name = "ImportError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportError(@Schema(description = "1-based, as a spreadsheet program numbers rows") Integer row,
            String column, @Schema(description = "the cell's text as read") String value,
            @Schema(description = "a request's field (not a file's fault)") String field, String message) {
    }
}
