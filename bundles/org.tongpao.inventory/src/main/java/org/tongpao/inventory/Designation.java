package org.tongpao.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * Where a donor (or whoever gave the goods) said a lot must go: a province, an org unit (and everything under
 * it), or "the front line". A designated lot leaves its depot only for a destination the designation allows
 * ({@link #allows}); anything else is a {@link org.tongpao.core.ConflictException} naming it ({@link #describe()}),
 * unless a {@code ministry-admin} overrides with a recorded reason. Lots made at the receiving end of a transfer
 * inherit it. {@code label} is the readable name shown beside the code (the province's or unit's name; the
 * inventory fills it in when a receipt leaves it out).
 *
 * @since 1.6
 */
@Schema(description = "Where the goods of a lot must go (1.6): PROVINCE needs provinceCode, ORG_UNIT needs orgUnitId")
public record Designation(@NotNull Kind kind, @Size(max = 8) String provinceCode, Long orgUnitId,
        @Size(max = 200) String label) {

    /** What a designation names. */
    public enum Kind {
        /** Goods stay in one province: destinations (depots and units) in {@code provinceCode}. */
        PROVINCE,
        /** Goods go to one org unit or a unit below it: {@code orgUnitId}. */
        ORG_UNIT,
        /** Goods go to front-line units (org level STATION); transfers between depots stay allowed on the way. */
        FRONT_LINE
    }

    /** Goods for one province (its code, as {@link org.tongpao.core.Province#code()}). */
    public static Designation province(String provinceCode) {
        return new Designation(Kind.PROVINCE, provinceCode, null, null);
    }

    /** Goods for one org unit and the units below it. */
    public static Designation orgUnit(long orgUnitId) {
        return new Designation(Kind.ORG_UNIT, null, orgUnitId, null);
    }

    /** Goods for the front line: only front-line units receive them for use. */
    public static Designation frontLine() {
        return new Designation(Kind.FRONT_LINE, null, null, null);
    }

    /** This designation with a readable name beside its code. */
    public Designation withLabel(String newLabel) {
        return new Designation(kind, provinceCode, orgUnitId, newLabel);
    }

    /**
     * Readable, for error messages and traces: "designated for province 42 (Hubei)", "designated for org unit 77
     * (HB-POLICE)", "designated for the front line".
     */
    public String describe() {
        String named = label == null || label.isBlank() ? "" : " (" + label + ")";
        return switch (kind) {
            case PROVINCE -> "designated for province " + provinceCode + named;
            case ORG_UNIT -> "designated for org unit " + orgUnitId + named;
            case FRONT_LINE -> "designated for the front line";
        };
    }

    /**
     * The one rule every path that moves stock out of a depot applies (and the allocation planner, to decide
     * which needs designated stock may fill).
     *
     * @param destinationProvince the province of the receiving depot or unit (null: the ministry's own)
     * @param unitPath            org unit ids from the top of the tree down to the receiving unit (for a depot: the
     *                            unit that owns it), the receiving unit last
     * @param toDepot             true when the goods go to a depot (a transfer), false when a unit receives them
     *                            for use (an issue, a delivery to a unit)
     * @param frontLineUnit       whether the receiving unit is a front-line unit (org level STATION)
     */
    public boolean allows(String destinationProvince, List<Long> unitPath, boolean toDepot, boolean frontLineUnit) {
        return switch (kind) {
            case PROVINCE -> Objects.equals(provinceCode, destinationProvince);
            case ORG_UNIT -> unitPath != null && orgUnitId != null && unitPath.contains(orgUnitId);
            case FRONT_LINE -> toDepot || frontLineUnit;
        };
    }
}
