package org.tongpao.procurement.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;

class CustomsRulesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void stepsFollowTheirOrderFromShipped() {
        CustomsRules.requireNext(ImportStatus.SHIPPED, List.of(), CustomsStep.DECLARED);
        CustomsRules.requireNext(ImportStatus.AT_CUSTOMS, List.of(CustomsStep.DECLARED), CustomsStep.INSPECTED);
        CustomsRules.requireNext(ImportStatus.AT_CUSTOMS, List.of(CustomsStep.DECLARED, CustomsStep.INSPECTED),
                CustomsStep.DUTIES_PAID);
        CustomsRules.requireNext(ImportStatus.AT_CUSTOMS, List.of(CustomsStep.DECLARED, CustomsStep.INSPECTED,
                CustomsStep.DUTIES_PAID), CustomsStep.CLEARED);
    }

    @Test
    void aStepOutOfOrderIsAConflictNamingTheStep() {
        assertThatThrownBy(() -> CustomsRules.requireNext(ImportStatus.AT_CUSTOMS, List.of(CustomsStep.DECLARED),
                CustomsStep.CLEARED)).isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("step");
                    assertThat(e.getMessage()).contains("INSPECTED");
                });
        assertThatThrownBy(() -> CustomsRules.requireNext(ImportStatus.CONFIRMED, List.of(), CustomsStep.DECLARED))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("shipped"));
        assertThatThrownBy(() -> CustomsRules.requireNext(ImportStatus.AT_CUSTOMS, List.of(CustomsStep.DECLARED),
                CustomsStep.DECLARED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> CustomsRules.requireNext(ImportStatus.CLEARED, List.of(CustomsStep.values()),
                CustomsStep.CLEARED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> CustomsRules.requireNext(ImportStatus.CANCELLED, List.of(), CustomsStep.DECLARED))
                .isInstanceOf(ConflictException.class);
    }

    private static Certification cert(String item, String standard, LocalDate until) {
        return new Certification(item, standard, "CERT-1", "CNCA", until, "officer", Instant.EPOCH);
    }

    @Test
    void releaseNeedsEveryRequiredStandardCertifiedOnTheDay() {
        Set<String> items = Set.of("MASK-KN95", "MASK-KF94", "GLOVE-M");
        Map<String, String> required = Map.of("MASK-KN95", "GB 2626-2019", "MASK-KF94", "GB 2626-2019");
        assertThat(CustomsRules.missingCertificates(items, required, List.of(), DAY))
                .containsOnlyKeys("MASK-KF94", "MASK-KN95");
        List<Certification> certs = List.of(cert("MASK-KN95", "GB 2626-2019", DAY), cert("MASK-KF94", "GB 2626-2019", DAY));
        assertThat(CustomsRules.missingCertificates(items, required, certs, DAY)).isEmpty();
        // expired the day before, or of another standard: not a certificate of what is required
        assertThat(CustomsRules.missingCertificates(items, required, List.of(cert("MASK-KN95", "GB 2626-2019",
                DAY.minusDays(1)), cert("MASK-KF94", "GB 19083-2010", DAY)), DAY)).containsOnlyKeys("MASK-KF94", "MASK-KN95");
        assertThatThrownBy(() -> CustomsRules.requireCertified(Map.of("MASK-KN95", "GB 2626-2019")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("certifications");
                    assertThat(e.getMessage()).contains("MASK-KN95 needs a certificate of GB 2626-2019");
                });
    }

    @Test
    void deliveredOnlyOnceCleared() {
        assertThat(ImportStatus.SHIPPED.canProgressTo(ImportStatus.DELIVERED)).isFalse();
        assertThat(ImportStatus.AT_CUSTOMS.canProgressTo(ImportStatus.DELIVERED)).isFalse();
        assertThat(ImportStatus.CLEARED.canProgressTo(ImportStatus.DELIVERED)).isTrue();
        assertThat(ImportStatus.ORDERED.canProgressTo(ImportStatus.SHIPPED)).isTrue();
        assertThat(ImportStatus.SHIPPED.canProgressTo(ImportStatus.CONFIRMED)).isFalse();
        assertThat(ImportStatus.SHIPPED.cancellable()).isFalse();
    }
}
