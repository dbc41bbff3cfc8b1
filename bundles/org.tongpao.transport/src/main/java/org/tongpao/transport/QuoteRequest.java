package org.tongpao.transport;

import java.math.BigDecimal;
import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Digits;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotNull;
import org.tongpao.transport.api.TransportMode;

/**
 * What to price with every carrier before choosing one: from a depot to a depot, or (1.4) to an org unit without a
 * depot (a front-line station; exactly one of {@code toDepotId} and {@code toOrgUnitId}), packages and weight.
 */
public record QuoteRequest(
        @NotNull Long fromDepotId,
        Long toDepotId,
        @NotNull @Min(1) @Max(100_000) Integer packages,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 3) BigDecimal weightKg,
        TransportMode mode,
        Long toOrgUnitId) {

    /** The 1.3 form: to a depot. */
    public QuoteRequest(Long fromDepotId, Long toDepotId, Integer packages, BigDecimal weightKg, TransportMode mode) {
        this(fromDepotId, toDepotId, packages, weightKg, mode, null);
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
        return builder().fromDepotId(fromDepotId).toDepotId(toDepotId).packages(packages).weightKg(weightKg)
                .mode(mode).toOrgUnitId(toOrgUnitId);
    }

    /** Builds a {@link QuoteRequest}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private Long fromDepotId;
        private Long toDepotId;
        private Integer packages;
        private BigDecimal weightKg;
        private TransportMode mode;
        private Long toOrgUnitId;

        private Builder() {
        }

        public Builder fromDepotId(Long fromDepotId) { this.fromDepotId = fromDepotId; return this; }
        public Builder toDepotId(Long toDepotId) { this.toDepotId = toDepotId; return this; }
        public Builder packages(Integer packages) { this.packages = packages; return this; }
        public Builder weightKg(BigDecimal weightKg) { this.weightKg = weightKg; return this; }
        public Builder mode(TransportMode mode) { this.mode = mode; return this; }
        /** @since 1.4 */
        public Builder toOrgUnitId(Long toOrgUnitId) { this.toOrgUnitId = toOrgUnitId; return this; }

        public QuoteRequest build() {
            return new QuoteRequest(fromDepotId, toDepotId, packages, weightKg, mode, toOrgUnitId);
        }
    }
}
