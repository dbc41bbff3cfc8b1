package org.tongpao.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule every path applies ({@link Designation#allows}), and how a designation reads. */
class DesignationRulesTest {
    // ministry 1 → Hubei department 2 → Wuhan 3 → Jiang'an 4 → front-line team 5; Jiangsu department 6
    private static final List<Long> TEAM = List.of(1L, 2L, 3L, 4L, 5L);
    private static final List<Long> WUHAN = List.of(1L, 2L, 3L);
    private static final List<Long> JIANGSU = List.of(1L, 6L);

    @Test
    void aProvinceDesignationAdmitsDepotsAndUnitsOfThatProvinceOnly() {
        Designation hubei = Designation.province("42");
        assertThat(hubei.allows("42", WUHAN, true, false)).isTrue();
        assertThat(hubei.allows("42", TEAM, false, true)).isTrue();
        assertThat(hubei.allows("32", JIANGSU, true, false)).isFalse();
        assertThat(hubei.allows(null, List.of(1L), true, false)).as("the ministry's own depot").isFalse();
    }

    @Test
    void anOrgUnitDesignationAdmitsTheUnitAndEverythingBelowIt() {
        Designation wuhan = Designation.orgUnit(3);
        assertThat(wuhan.allows("42", WUHAN, true, false)).isTrue();
        assertThat(wuhan.allows("42", TEAM, false, true)).isTrue();
        assertThat(wuhan.allows("42", List.of(1L, 2L), true, false)).as("its parent's depot").isFalse();
        assertThat(wuhan.allows("32", JIANGSU, false, false)).isFalse();
    }

    @Test
    void theFrontLineAdmitsAnyDepotOnTheWayButOnlyFrontLineUnitsForUse() {
        Designation front = Designation.frontLine();
        assertThat(front.allows("32", JIANGSU, true, false)).isTrue();
        assertThat(front.allows("42", TEAM, false, true)).isTrue();
        assertThat(front.allows("42", WUHAN, false, false)).as("a city bureau using the goods itself").isFalse();
    }

    @Test
    void describeNamesTheDesignationReadably() {
        assertThat(Designation.province("42").withLabel("Hubei").describe())
                .isEqualTo("designated for province 42 (Hubei)");
        assertThat(Designation.orgUnit(77).withLabel("Hubei provincial police").describe())
                .isEqualTo("designated for org unit 77 (Hubei provincial police)");
        assertThat(Designation.frontLine().describe()).isEqualTo("designated for the front line");
        assertThat(Designation.province("42").describe()).isEqualTo("designated for province 42");
    }

    @Test
    void aDestinationIsADepotOrAUnitNeverBothOrNeither() {
        assertThat(Destination.depot(4).toDepot()).isTrue();
        assertThat(Destination.unit(5).toDepot()).isFalse();
        assertThatThrownBy(() -> new Destination(1L, 2L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Destination(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void olderFormsStillBuildWithoutDesignationOrOverride() {
        assertThat(new NewReceipt(1L, 2L, 3L, LotOrigin.DONATION, "D-1", null, null).designation()).isNull();
        assertThat(NewReceipt.builder().designation(Designation.frontLine()).build().toBuilder().build().designation())
                .isEqualTo(Designation.frontLine());
        assertThat(new NewIssue(1L, 2L, 3L, 4L, null, null, null).overrideReason()).isNull();
        assertThat(NewTransfer.builder().overrideReason("urgent need in Jiangsu").build().overrideReason())
                .isEqualTo("urgent need in Jiangsu");
        assertThat(new DispatchOrder(1L, "B-1").overrideReason()).isNull();
        assertThat(Lot.builder().designation(Designation.province("42")).build().toBuilder().build().designation())
                .isEqualTo(Designation.province("42"));
    }
}
