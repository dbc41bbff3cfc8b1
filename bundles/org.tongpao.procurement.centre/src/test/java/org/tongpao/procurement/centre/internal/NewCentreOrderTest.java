package org.tongpao.procurement.centre.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;

class NewCentreOrderTest {
    private static final String WHY = "Wuhan hospitals run out of N95 within 48 hours";

    private static List<NewCentreOrder.Line> line(String ref, String item, Long qty) {
        return List.of(new NewCentreOrder.Line(ref, item, qty, null));
    }

    private static NewCentreOrder emergency(String agreement, String why, String approver) {
        return new NewCentreOrder("PO-1", "42", null, null, agreement, true, why, approver, line("1", "MASK-N95", 1000L));
    }

    @Test
    void anEmergencyOrderNeedsAJustification() {
        assertThatThrownBy(() -> emergency("FA-1", null, "director-li").checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("justification"));
        assertThatThrownBy(() -> emergency("FA-1", "urgent", "director-li").checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("justification"));
    }

    @Test
    void anEmergencyOrderNeedsItsApprover() {
        assertThatThrownBy(() -> emergency("FA-1", WHY, " ").checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("approvedBy"));
        assertThat(emergency("FA-1", WHY, "director-li").checked().justification()).isEqualTo(WHY);
    }

    @Test
    void aNormalOrderDropsTheJustificationAndKeepsItsApprovers() {
        NewCentreOrder o = new NewCentreOrder("PO-2", null, null, null, null, false, "x", "y", line("1", "MASK-N95", 5L))
                .checked();
        assertThat(o.justification()).isNull();
        assertThat(o.approvedBy()).isEqualTo("y");
        assertThat(new NewCentreOrder("PO-3", null, null, null, null, false, null, null, line("1", "MASK-N95", 5L))
                .checked().approvedBy()).isNull();
    }

    @Test
    void referencesQuantitiesAndProvincesAreChecked() {
        assertThatThrownBy(() -> new NewCentreOrder("bad ref", null, null, null, null, false, null, null,
                line("1", "MASK-N95", 5L)).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("orderRef"));
        assertThatThrownBy(() -> new NewCentreOrder("PO-3", null, null, null, null, false, null, null,
                line("1", "MASK-N95", 0L)).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines[0].quantity"));
        assertThatThrownBy(() -> new NewCentreOrder("PO-3", "Hubei", null, null, null, false, null, null,
                line("1", "MASK-N95", 1L)).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("buyerProvince"));
        assertThatThrownBy(() -> new NewCentreOrder("PO-3", null, null, null, null, false, null, null, List.of()).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines"));
    }

    @Test
    void agreementsNameTheirBadField() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        List<AgreementLine> lines = List.of(new AgreementLine("MASK-N95", new BigDecimal("2.5"), 10L));
        assertThatThrownBy(() -> new NewAgreement("FA-1", "SUP-1", "Sup", d, d.minusDays(1), 5, 2, lines).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> new NewAgreement("FA-1", "SUP-1", "Sup", d, d, 5, 6, lines).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("expeditedLeadDays"));
        assertThatThrownBy(() -> new NewAgreement("FA-1", "SUP-1", "Sup", d, d, 5, 2, List.of(
                new AgreementLine("MASK-N95", new BigDecimal("2.12345"), 10L))).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("items[0].unitPrice"));
        assertThatThrownBy(() -> new NewAgreement("FA-1", "SUP-1", "Sup", d, d, 5, 2, List.of(lines.get(0),
                new AgreementLine("MASK-N95", BigDecimal.ONE, 10L))).checked())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("items[1].itemCode"));
        assertThat(new NewAgreement("FA-1", "SUP-1", "Sup", d, d, 5, null, lines).checked().expeditedLeadDays()).isEqualTo(5);
    }
}
