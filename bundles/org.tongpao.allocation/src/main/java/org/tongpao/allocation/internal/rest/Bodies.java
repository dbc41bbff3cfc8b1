package org.tongpao.allocation.internal.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import org.tongpao.allocation.LineReceipt;

/** Request bodies that exist only for the REST layer. */
public final class Bodies {
    private Bodies() {
    }

    /** Optional body of a reject: {@code {"note": "..."}}. */
    public record Note(@Size(max = 500) String note) {
    }

    /** Receipt of several lines of a batch. */
    // distinct schema name: other records are called Receipt too
    @Schema(name = "BatchReceipt")
    public record Receipt(@NotEmpty @Size(max = 1000) List<@Valid @NotNull LineReceipt> lines) {
    }

    /** Receipt of one line addressed by the path. */
    public record OneLine(@NotNull @Min(0) Long receivedQuantity, @Min(0) Long damagedQuantity, @Size(max = 500) String note) {
    }
}
