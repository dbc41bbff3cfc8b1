package org.tongpao.transport;

import java.math.BigDecimal;
import java.time.Instant;
import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Digits;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import org.tongpao.transport.api.TransportMode;

/**
 * A shipment to book. With {@code batchId} the goods are that allocation batch's (its one source and one
 * receiving depot, unless {@code fromDepotId}/{@code toDepotId} pick one pair of a batch with several);
 * without it, a plain depot-to-depot move with no effect on stock.
 */
public record NewShipment(
        Long batchId,
        Long fromDepotId,
        Long toDepotId,
        @NotBlank @Size(max = 32) String carrierId,
        @NotNull @Min(1) @Max(100_000) Integer packages,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal weightKg,
        TransportMode mode,
        Instant deliverBy,
        @Size(max = 500) String notes) {
}
