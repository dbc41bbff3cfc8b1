package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import javax.validation.ConstraintViolation;
import javax.validation.Validation;
import javax.validation.Validator;
import javax.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tongpao.core.DepotUpdate;
import org.tongpao.core.NewDepot;
import org.tongpao.core.NewItem;
import org.tongpao.core.NewOrgUnit;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.OrgUnitUpdate;
import org.tongpao.core.internal.rest.VersionBody;

/** The request DTOs carry bean-validation constraints that name the JSON field. */
class DtoValidationTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> fields(Object dto) {
        return VALIDATOR.validate(dto).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void validRequestsPass() {
        assertThat(fields(new NewOrgUnit("P42-WUHAN", "Wuhan", "武汉", OrgLevel.PREFECTURE, 2L, null, false))).isEmpty();
        assertThat(fields(new NewItem("MASK-KN95", "MASK", "KN95", null, "piece", "GB 2626-2019", 36))).isEmpty();
        assertThat(fields(new NewDepot("HB-WH-01", "Store", 3L, null))).isEmpty();
        assertThat(fields(new VersionBody(null))).isEmpty();
    }

    @Test
    void violationsNameTheField() {
        assertThat(fields(new NewOrgUnit("bad code", " ", null, null, null, "4x", false)))
                .containsExactlyInAnyOrder("code", "name", "level", "provinceCode");
        assertThat(fields(new OrgUnitUpdate("x".repeat(201), null, false, null))).containsExactlyInAnyOrder("name",
                "version");
        assertThat(fields(new NewItem("MASK-X", "MASK", "x", null, "", null, 241)))
                .containsExactlyInAnyOrder("unit", "shelfLifeMonths");
        assertThat(fields(new NewDepot("HB", "x", null, "a".repeat(501)))).containsExactlyInAnyOrder("orgUnitId",
                "address");
        assertThat(fields(new DepotUpdate("x", null, 0L))).containsExactly("version");
        assertThat(fields(new VersionBody(0L))).containsExactly("version");
    }
}
