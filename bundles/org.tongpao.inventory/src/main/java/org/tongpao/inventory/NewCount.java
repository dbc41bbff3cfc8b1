package org.tongpao.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.PositiveOrZero;
import javax.validation.constraints.Size;

/**
 * A physical count of a depot. A line without {@code lotId} counts the item across its lots: a shortage is
 * taken first-expiry-first-out, a surplus goes to the most recently received lot.
 */
public record NewCount(
        @NotNull Long depotId,
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines,
        @Size(max = 500) String note) {

    // distinct schema name: other records are called Line too
    @Schema(name = "NewCountLine")
    public record Line(@NotNull Long itemId, Long lotId, @NotNull @PositiveOrZero Long counted) {
    }
}
