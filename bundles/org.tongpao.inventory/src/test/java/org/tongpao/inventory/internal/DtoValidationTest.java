package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.validation.ConstraintViolation;
import javax.validation.Validation;
import javax.validation.Validator;
import org.junit.jupiter.api.Test;
import org.tongpao.inventory.LotOrigin;
import org.tongpao.inventory.NewCensus;
import org.tongpao.inventory.NewCount;
import org.tongpao.inventory.NewIssue;
import org.tongpao.inventory.NewReceipt;
import org.tongpao.inventory.Threshold;

/** What the REST layer's bean validation reports: the offending field's name. */
class DtoValidationTest {
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private Set<String> fields(Object body) {
        return validator.validate(body).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void bodiesNameTheirBadFields() {
        assertThat(fields(new NewReceipt(1L, 2L, -5L, LotOrigin.DONATION, "D", LocalDate.now(), null))).containsExactly("quantity");
        assertThat(fields(new NewReceipt(null, 2L, 5L, null, " ", null, null)))
                .containsExactlyInAnyOrder("depotId", "origin", "sourceDocument");
        assertThat(fields(new NewIssue(1L, 2L, 0L, null, null, null, null))).containsExactlyInAnyOrder("quantity", "orgUnitId");
        assertThat(fields(new NewCount(1L, List.of(new NewCount.Line(2L, null, -1L)), null))).containsExactly("lines[0].counted");
        assertThat(fields(new Threshold(1L, 2L, -1L, 5L))).containsExactly("minimumLevel");
        assertThat(fields(new NewCensus("t", List.of(), Instant.now()))).containsExactly("categories");
    }
}
