package org.tongpao.donation.internal;

import java.util.Optional;
import java.util.function.Function;
import org.tongpao.core.ConflictException;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Province;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.DonorDesignation;

/**
 * The donor's designation on the donation side: checked and completed when a donation is made, shown in a
 * readable bilingual form, and held against the depot goods are received into. Where designated lots may go
 * afterwards is the inventory's to enforce (every allocation, transfer and issue).
 */
final class Designations {

    private Designations() {
    }

    /**
     * A designation as given, checked and completed: PROVINCE needs a province; ORG_UNIT a unit (its code and
     * province are copied); FRONT_LINE may name a province. Null stays null (no designation).
     */
    static DonorDesignation complete(DonorDesignation d, Function<String, Optional<Province>> provinces,
            Function<Long, Optional<OrgUnit>> units) {
        if (d == null) {
            return null;
        }
        if (d.kind() == null) {
            throw new ValidationException("designation.kind", "designation.kind is PROVINCE, ORG_UNIT or FRONT_LINE");
        }
        String province = blankToNull(d.provinceCode());
        if (province != null && provinces.apply(province).isEmpty()) {
            throw new ValidationException("designation.provinceCode", "unknown province code " + province);
        }
        DonorDesignation done = switch (d.kind()) {
            case PROVINCE -> {
                if (province == null) {
                    throw new ValidationException("designation.provinceCode", "a PROVINCE designation names the "
                            + "province");
                }
                if (d.orgUnitId() != null) {
                    throw new ValidationException("designation.orgUnitId", "a PROVINCE designation names no unit");
                }
                yield new DonorDesignation(DesignationKind.PROVINCE, province, null, null, null);
            }
            case ORG_UNIT -> {
                if (d.orgUnitId() == null) {
                    throw new ValidationException("designation.orgUnitId", "an ORG_UNIT designation names the unit");
                }
                OrgUnit u = units.apply(d.orgUnitId()).filter(OrgUnit::active).orElseThrow(() ->
                        org.tongpao.core.NotFoundException.ofField("designation.orgUnitId", d.orgUnitId()));
                if (province != null && !province.equals(u.provinceCode())) {
                    throw new ValidationException("designation.provinceCode", "unit " + u.code() + " is not in "
                            + "province " + province);
                }
                yield new DonorDesignation(DesignationKind.ORG_UNIT, u.provinceCode(), u.id(), u.code(), null);
            }
            case FRONT_LINE -> {
                // the inventory enforces "front line" across provinces: a province here would promise more
                if (d.orgUnitId() != null || province != null) {
                    throw new ValidationException(d.orgUnitId() != null ? "designation.orgUnitId"
                            : "designation.provinceCode", "a FRONT_LINE designation names no unit and no province "
                            + "(designate the province, or a unit, instead)");
                }
                yield new DonorDesignation(DesignationKind.FRONT_LINE, null, null, null, null);
            }
        };
        return labelled(done, provinces);
    }

    /** The designation with its readable label, e.g. "指定省份 Province: 湖北省 Hubei" or "一线单位 Front-line units". */
    static DonorDesignation labelled(DonorDesignation d, Function<String, Optional<Province>> provinces) {
        if (d == null) {
            return null;
        }
        String province = d.provinceCode() == null ? null : provinces.apply(d.provinceCode())
                .map(p -> p.nameZh() + " " + p.nameEn()).orElse(d.provinceCode());
        String label = switch (d.kind()) {
            case PROVINCE -> "指定省份 Province: " + province;
            case ORG_UNIT -> "指定单位 Unit: " + d.orgUnitCode() + (province == null ? "" : " (" + province + ")");
            case FRONT_LINE -> "一线单位 Front-line units";
        };
        return new DonorDesignation(d.kind(), d.provinceCode(), d.orgUnitId(), d.orgUnitCode(), label);
    }

    /** The label, or "无指定 None" for a donation without a designation. */
    static String label(DonorDesignation labelled) {
        return labelled == null ? "无指定 None" : labelled.label();
    }

    /**
     * Receiving designated goods into a depot of another province would start them outside their designation:
     * 409 naming it. A national depot (no province) is allowed: the ministry's reserve holds goods for everyone.
     */
    static void requireReceivable(DonorDesignation labelled, String depotCode, String depotProvince) {
        if (labelled == null || labelled.provinceCode() == null || depotProvince == null) {
            return;
        }
        if (!labelled.provinceCode().equals(depotProvince)) {
            throw new ConflictException("depotId", "The donor designated these goods for " + labelled.label()
                    + "; depot " + depotCode + " is in province " + depotProvince);
        }
    }

    /**
     * The designation as the inventory stores and enforces it on the lots ({@code describe()} names it in a 409);
     * its label is the province's or the unit's name.
     */
    static org.tongpao.inventory.Designation forInventory(DonorDesignation labelled,
            Function<String, Optional<Province>> provinces) {
        if (labelled == null) {
            return null;
        }
        return switch (labelled.kind()) {
            case PROVINCE -> org.tongpao.inventory.Designation.province(labelled.provinceCode()).withLabel(
                    provinces.apply(labelled.provinceCode()).map(p -> p.nameEn() + " " + p.nameZh())
                            .orElse(null));
            case ORG_UNIT -> org.tongpao.inventory.Designation.orgUnit(labelled.orgUnitId())
                    .withLabel(labelled.orgUnitCode());
            case FRONT_LINE -> org.tongpao.inventory.Designation.frontLine();
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
