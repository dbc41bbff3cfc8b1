package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnit;
import org.tongpao.core.Province;
import org.tongpao.core.ValidationException;
import org.tongpao.donation.DesignationKind;
import org.tongpao.donation.DonorDesignation;
import org.tongpao.inventory.Designation;

class DesignationsTest {
    private static final Function<String, Optional<Province>> PROVINCES = code -> switch (code) {
        case "42" -> Optional.of(new Province("42", "湖北省", "Hubei", "province"));
        case "32" -> Optional.of(new Province("32", "江苏省", "Jiangsu", "province"));
        default -> Optional.empty();
    };
    private static final OrgUnit POLICE = new OrgUnit(77, "P42", "Hubei Provincial Public Security Department",
            "湖北省公安厅", OrgLevel.PROVINCE, 1L, "42", false, true, 1, Instant.EPOCH, Instant.EPOCH);
    private static final Function<Long, Optional<OrgUnit>> UNITS = id -> id == 77 ? Optional.of(POLICE)
            : Optional.empty();

    private static DonorDesignation complete(DesignationKind kind, String province, Long unit) {
        return Designations.complete(new DonorDesignation(kind, province, unit, null, null), PROVINCES, UNITS);
    }

    private static String field(Runnable r) {
        try {
            r.run();
            return null;
        } catch (ValidationException e) {
            return e.field();
        } catch (NotFoundException e) {
            return e.field();
        }
    }

    @Test
    void aDesignationNamesWhatItsKindNeedsAndNothingElse() {
        assertThat(complete(DesignationKind.PROVINCE, "42", null).label()).isEqualTo("指定省份 Province: 湖北省 Hubei");
        DonorDesignation unit = complete(DesignationKind.ORG_UNIT, null, 77L);
        assertThat(unit.provinceCode()).isEqualTo("42");
        assertThat(unit.orgUnitCode()).isEqualTo("P42");
        assertThat(complete(DesignationKind.FRONT_LINE, null, null).label()).isEqualTo("一线单位 Front-line units");
        assertThat(Designations.complete(null, PROVINCES, UNITS)).isNull();

        assertThat(field(() -> complete(DesignationKind.PROVINCE, null, null))).isEqualTo("designation.provinceCode");
        assertThat(field(() -> complete(DesignationKind.PROVINCE, "99", null))).isEqualTo("designation.provinceCode");
        assertThat(field(() -> complete(DesignationKind.PROVINCE, "42", 77L))).isEqualTo("designation.orgUnitId");
        assertThat(field(() -> complete(DesignationKind.ORG_UNIT, null, null))).isEqualTo("designation.orgUnitId");
        assertThat(field(() -> complete(DesignationKind.ORG_UNIT, null, 78L))).isEqualTo("designation.orgUnitId");
        assertThat(field(() -> complete(DesignationKind.ORG_UNIT, "32", 77L))).isEqualTo("designation.provinceCode");
        assertThat(field(() -> complete(DesignationKind.FRONT_LINE, "42", null))).isEqualTo("designation.provinceCode");
        assertThat(field(() -> Designations.complete(new DonorDesignation(null, "42", null, null, null), PROVINCES,
                UNITS))).isEqualTo("designation.kind");
    }

    @Test
    void designatedGoodsAreNotReceivedIntoAnotherProvincesDepot() {
        DonorDesignation hubei = complete(DesignationKind.PROVINCE, "42", null);
        Designations.requireReceivable(hubei, "HB-WH-01", "42");
        Designations.requireReceivable(hubei, "CENTRAL-RESERVE", null);
        Designations.requireReceivable(null, "JS-PROV-01", "32");
        Designations.requireReceivable(complete(DesignationKind.FRONT_LINE, null, null), "JS-PROV-01", "32");
        assertThatThrownBy(() -> Designations.requireReceivable(hubei, "JS-PROV-01", "32"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("湖北省 Hubei")
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("depotId");
        assertThatThrownBy(() -> Designations.requireReceivable(complete(DesignationKind.ORG_UNIT, null, 77L),
                "JS-PROV-01", "32")).isInstanceOf(ConflictException.class).hasMessageContaining("P42");
    }

    @Test
    void theInventoryGetsTheSameDesignationWithAReadableName() {
        Designation province = Designations.forInventory(complete(DesignationKind.PROVINCE, "42", null), PROVINCES);
        assertThat(province.kind()).isEqualTo(Designation.Kind.PROVINCE);
        assertThat(province.provinceCode()).isEqualTo("42");
        assertThat(province.describe()).contains("42").contains("Hubei");
        Designation unit = Designations.forInventory(complete(DesignationKind.ORG_UNIT, null, 77L), PROVINCES);
        assertThat(unit.orgUnitId()).isEqualTo(77L);
        assertThat(Designations.forInventory(complete(DesignationKind.FRONT_LINE, null, null), PROVINCES).kind())
                .isEqualTo(Designation.Kind.FRONT_LINE);
        assertThat(Designations.forInventory(null, PROVINCES)).isNull();
    }
}
