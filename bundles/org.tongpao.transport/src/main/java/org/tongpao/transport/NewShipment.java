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
 * without it, a plain depot-to-depot move with no effect on stock. {@code toOrgUnitId} (1.3) ships to an org unit
 * without a depot (a front-line station) instead of {@code toDepotId}: a batch's lines to that unit, or a plain move
 * there; it excludes {@code toDepotId}.
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
        @Size(max = 500) String notes,
        Long toOrgUnitId) {

    /** The 1.2 form: to a depot. */
    public NewShipment(Long batchId, Long fromDepotId, Long toDepotId, String carrierId, Integer packages,
            BigDecimal weightKg, TransportMode mode, Instant deliverBy, String notes) {
        this(batchId, fromDepotId, toDepotId, carrierId, packages, weightKg, mode, deliverBy, notes, null);
    }

    /**
     * A builder, the way to make one outside this package: components added in a later minor version
     * get a setter and a default, so code built against this version keeps compiling and linking.
     *
     * @since 1.2
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this one's values, to make a changed copy. @since 1.2 */
    public Builder toBuilder() {
        return builder().batchId(batchId).fromDepotId(fromDepotId).toDepotId(toDepotId).carrierId(carrierId)
                .packages(packages).weightKg(weightKg).mode(mode).deliverBy(deliverBy).notes(notes)
                .toOrgUnitId(toOrgUnitId);
    }

    /** Builds a {@link NewShipment}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private Long batchId;
        private Long fromDepotId;
        private Long toDepotId;
        private String carrierId;
        private Integer packages;
        private BigDecimal weightKg;
        private TransportMode mode;
        private Instant deliverBy;
        private String notes;
        private Long toOrgUnitId;

        private Builder() {
        }

        public Builder batchId(Long batchId) { this.batchId = batchId; return this; }
        public Builder fromDepotId(Long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder toDepotId(Long toDepotId) { this.toDepotId = toDepotId; return this; }
        public Builder carrierId(String carrierId) { this.carrierId = carrierId; return this; }
        public Builder packages(Integer packages) { this.packages = packages; return this; }
        public Builder weightKg(BigDecimal weightKg) { this.weightKg = weightKg; return this; }
        public Builder mode(TransportMode mode) { this.mode = mode; return this; }
        public Builder deliverBy(Instant deliverBy) { this.deliverBy = deliverBy; return this; }
        public Builder notes(String notes) { this.notes = notes; return this; }
        /** @since 1.3 */
        public Builder toOrgUnitId(Long toOrgUnitId) { this.toOrgUnitId = toOrgUnitId; return this; }

        public NewShipment build() {
            return new NewShipment(batchId, fromDepotId, toDepotId, carrierId, packages, weightKg, mode, deliverBy,
                    notes, toOrgUnitId);
        }
    }
}
