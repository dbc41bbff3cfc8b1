package org.tongpao.allocation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's request for an item (or any item of a category). {@code allocated} is the quantity reserved
 * in approved batches, {@code received} the usable quantity confirmed by the receiving depot.
 * {@code keyArea} is derived from the declared key areas; {@code keyAreaLabel} names the matching one.
 * {@code source} (1.3) is the need this one replicates, as {@code <node>/<id there>} ({@code province:42/17}):
 * a need raised on a provincial node, read-only here except through its link; null for a need raised here.
 * {@code deliverToUnit} (1.4): the goods go straight to the unit (a front-line station without a depot), not to a
 * receiving depot; such a need is fulfilled by the proof of delivery at the unit.
 */
public record Need(long id, long orgUnitId, String unitCode, String provinceCode, Long itemId, String categoryCode,
        long quantity, long allocated, long received, Urgency urgency, boolean frontLine, boolean keyArea,
        String keyAreaLabel, LocalDate neededBy, String justification, Integer daysOfCoverLeft,
        Long receivingDepotId, NeedState state, String createdBy, Instant createdAt, Instant updatedAt,
        long version, String source, boolean deliverToUnit) {

    /** The 1.3 form: delivered to a depot. */
    public Need(long id, long orgUnitId, String unitCode, String provinceCode, Long itemId, String categoryCode,
            long quantity, long allocated, long received, Urgency urgency, boolean frontLine, boolean keyArea,
            String keyAreaLabel, LocalDate neededBy, String justification, Integer daysOfCoverLeft,
            Long receivingDepotId, NeedState state, String createdBy, Instant createdAt, Instant updatedAt,
            long version, String source) {
        this(id, orgUnitId, unitCode, provinceCode, itemId, categoryCode, quantity, allocated, received, urgency,
                frontLine, keyArea, keyAreaLabel, neededBy, justification, daysOfCoverLeft, receivingDepotId, state,
                createdBy, createdAt, updatedAt, version, source, false);
    }

    /** A need raised on this node (no source): the 1.2 constructor. */
    public Need(long id, long orgUnitId, String unitCode, String provinceCode, Long itemId, String categoryCode,
            long quantity, long allocated, long received, Urgency urgency, boolean frontLine, boolean keyArea,
            String keyAreaLabel, LocalDate neededBy, String justification, Integer daysOfCoverLeft,
            Long receivingDepotId, NeedState state, String createdBy, Instant createdAt, Instant updatedAt,
            long version) {
        this(id, orgUnitId, unitCode, provinceCode, itemId, categoryCode, quantity, allocated, received, urgency,
                frontLine, keyArea, keyAreaLabel, neededBy, justification, daysOfCoverLeft, receivingDepotId, state,
                createdBy, createdAt, updatedAt, version, null);
    }

    /** Quantity not yet covered by an approved batch. */
    public long remaining() {
        return Math.max(0, quantity - allocated);
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
        return builder().id(id).orgUnitId(orgUnitId).unitCode(unitCode).provinceCode(provinceCode).itemId(itemId)
                .categoryCode(categoryCode).quantity(quantity).allocated(allocated).received(received)
                .urgency(urgency).frontLine(frontLine).keyArea(keyArea).keyAreaLabel(keyAreaLabel).neededBy(neededBy)
                .justification(justification).daysOfCoverLeft(daysOfCoverLeft).receivingDepotId(receivingDepotId)
                .state(state).createdBy(createdBy).createdAt(createdAt).updatedAt(updatedAt).version(version)
                .source(source).deliverToUnit(deliverToUnit);
    }

    /** Builds a {@link Need}; unset components are 0, false or null. @since 1.2 */
    public static final class Builder {
        private long id;
        private long orgUnitId;
        private String unitCode;
        private String provinceCode;
        private Long itemId;
        private String categoryCode;
        private long quantity;
        private long allocated;
        private long received;
        private Urgency urgency;
        private boolean frontLine;
        private boolean keyArea;
        private String keyAreaLabel;
        private LocalDate neededBy;
        private String justification;
        private Integer daysOfCoverLeft;
        private Long receivingDepotId;
        private NeedState state;
        private String createdBy;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;
        private String source;
        private boolean deliverToUnit;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder orgUnitId(long orgUnitId) { this.orgUnitId = orgUnitId; return this; }
        public Builder unitCode(String unitCode) { this.unitCode = unitCode; return this; }
        public Builder provinceCode(String provinceCode) { this.provinceCode = provinceCode; return this; }
        public Builder itemId(Long itemId) { this.itemId = itemId; return this; }
        public Builder categoryCode(String categoryCode) { this.categoryCode = categoryCode; return this; }
        public Builder quantity(long quantity) { this.quantity = quantity; return this; }
        public Builder allocated(long allocated) { this.allocated = allocated; return this; }
        public Builder received(long received) { this.received = received; return this; }
        public Builder urgency(Urgency urgency) { this.urgency = urgency; return this; }
        public Builder frontLine(boolean frontLine) { this.frontLine = frontLine; return this; }
        public Builder keyArea(boolean keyArea) { this.keyArea = keyArea; return this; }
        public Builder keyAreaLabel(String keyAreaLabel) { this.keyAreaLabel = keyAreaLabel; return this; }
        public Builder neededBy(LocalDate neededBy) { this.neededBy = neededBy; return this; }
        public Builder justification(String justification) { this.justification = justification; return this; }
        public Builder daysOfCoverLeft(Integer daysOfCoverLeft) { this.daysOfCoverLeft = daysOfCoverLeft; return this; }
        public Builder receivingDepotId(Long receivingDepotId) { this.receivingDepotId = receivingDepotId; return this; }
        public Builder state(NeedState state) { this.state = state; return this; }
        public Builder createdBy(String createdBy) { this.createdBy = createdBy; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder version(long version) { this.version = version; return this; }
        /** @since 1.3 */
        public Builder source(String source) { this.source = source; return this; }
        /** @since 1.4 */
        public Builder deliverToUnit(boolean deliverToUnit) { this.deliverToUnit = deliverToUnit; return this; }

        public Need build() {
            return new Need(id, orgUnitId, unitCode, provinceCode, itemId, categoryCode, quantity, allocated,
                    received, urgency, frontLine, keyArea, keyAreaLabel, neededBy, justification, daysOfCoverLeft,
                    receivingDepotId, state, createdBy, createdAt, updatedAt, version, source, deliverToUnit);
        }
    }
}
