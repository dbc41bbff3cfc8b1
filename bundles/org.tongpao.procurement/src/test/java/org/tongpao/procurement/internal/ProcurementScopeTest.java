package org.tongpao.procurement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.procurement.internal.ProcurementFixture.ADMIN;
import static org.tongpao.procurement.internal.ProcurementFixture.AUDITOR;
import static org.tongpao.procurement.internal.ProcurementFixture.BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.HUBEI;
import static org.tongpao.procurement.internal.ProcurementFixture.HUBEI_BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.JIANGSU_BUYER;
import static org.tongpao.procurement.internal.ProcurementFixture.KEEPER;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;

/** Who sees and changes which orders and suppliers. */
class ProcurementScopeTest {
    private static final Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "r");

    @Test
    void buyersOfTheMinistryActEverywhereAProvincesBuyerInItsProvince() {
        assertThat(ProcurementScope.canWriteOrder(BUYER, "42")).isTrue();
        assertThat(ProcurementScope.canWriteOrder(BUYER, null)).isTrue();
        assertThat(ProcurementScope.canWriteOrder(ADMIN, "32")).isTrue();
        assertThat(ProcurementScope.canWriteOrder(HUBEI_BUYER, "42")).isTrue();
        assertThat(ProcurementScope.canWriteOrder(HUBEI_BUYER, "32")).isFalse();
        assertThat(ProcurementScope.canWriteOrder(HUBEI_BUYER, null)).isFalse();
        assertThat(ProcurementScope.canWriteOrder(OFFICER, "42")).isFalse();
        assertThat(ProcurementScope.canWriteOrder(HUBEI, "42")).isFalse();
        assertThat(ProcurementScope.buyerProvince(HUBEI_BUYER)).isEqualTo("42");
        assertThat(ProcurementScope.buyerProvince(BUYER)).isNull();
    }

    @Test
    void readersSeeTheirProvinceOrTheirDepot() {
        assertThat(ProcurementScope.canReadOrder(AUDITOR, "42", "HB-WH-01")).isTrue();
        assertThat(ProcurementScope.canReadOrder(OFFICER, null, "CENTRAL-RESERVE")).isTrue();
        assertThat(ProcurementScope.canReadOrder(HUBEI, "42", "HB-PROV-01")).isTrue();
        assertThat(ProcurementScope.canReadOrder(HUBEI, "32", "JS-PROV-01")).isFalse();
        assertThat(ProcurementScope.canReadOrder(JIANGSU_BUYER, "42", "HB-WH-01")).isFalse();
        assertThat(ProcurementScope.canReadOrder(KEEPER, null, "HB-WH-01")).isTrue();
        assertThat(ProcurementScope.canReadOrder(KEEPER, "42", "HB-PROV-01")).isFalse();
    }

    @Test
    void receivingIsAStockWriteAtTheOrdersDepot() {
        assertThat(ProcurementScope.canReceive(KEEPER, "42", "HB-WH-01")).isTrue();
        assertThat(ProcurementScope.canReceive(KEEPER, "42", "HB-PROV-01")).isFalse();
        assertThat(ProcurementScope.canReceive(HUBEI, "42", "HB-PROV-01")).isTrue();
        assertThat(ProcurementScope.canReceive(HUBEI, "32", "JS-PROV-01")).isFalse();
        assertThatThrownBy(() -> ProcurementScope.requireReceiver(BUYER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ProcurementScope.requireReceiver(AUDITOR)).hasMessageContaining("read-only");
    }

    @Test
    void suppliersAreNationalOrAProvincesAndContactsAreForBuyers() {
        assertThat(ProcurementScope.canReadSupplier(JIANGSU_BUYER, null)).isTrue();
        assertThat(ProcurementScope.canReadSupplier(JIANGSU_BUYER, "42")).isFalse();
        assertThat(ProcurementScope.canReadSupplier(BUYER, "42")).isTrue();
        assertThat(ProcurementScope.seesContacts(HUBEI_BUYER)).isTrue();
        assertThat(ProcurementScope.seesContacts(ADMIN)).isTrue();
        assertThat(ProcurementScope.seesContacts(OFFICER)).isFalse();
        assertThat(ProcurementScope.seesContacts(AUDITOR)).isFalse();
    }
}
