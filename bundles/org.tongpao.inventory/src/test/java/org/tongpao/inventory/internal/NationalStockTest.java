package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.HUBEI;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.ProvinceStock;

class NationalStockTest extends WithFixture {
    @Test
    void stockIsSummedByProvinceAndCategoryFromBalancesWithinTheCallersScope() {
        f.receive(f.hubeiProv, f.kn95, 1000, TODAY.plusYears(2));
        f.receive(f.wuhan, f.medprot, 300, TODAY.plusYears(1));
        f.receive(f.jiangsu, f.kn95, 500, TODAY.plusYears(2));
        f.receive(f.hubeiProv, f.tent, 7, null);
        long reservation = f.inventory.reserve(ADMIN, f.hubeiProv, f.kn95, 200, "test", null).id();
        f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.hubeiProv).itemId(f.kn95).quantity(100L)
                .orgUnitId(f.station).sourceDocument("ISS-1").build(), null);

        List<ProvinceStock> national = f.inventory.nationalStock(ADMIN, null);
        assertThat(national).contains(
                new ProvinceStock("42", "MASK", 1200, 200, 1000, null, null, 100), // the issue to a station: front line
                new ProvinceStock("42", "FIELD", 7, 0, 7),
                new ProvinceStock("32", "MASK", 500, 0, 500));
        assertThat(f.inventory.nationalStock(ADMIN, "FIELD")).containsExactly(new ProvinceStock("42", "FIELD", 7, 0, 7));
        assertThat(f.inventory.nationalStock(HUBEI, null)).allMatch(s -> "42".equals(s.provinceCode()));
        assertThat(reservation).isPositive();
    }
}
