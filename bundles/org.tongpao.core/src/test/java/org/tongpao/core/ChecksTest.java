package org.tongpao.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChecksTest {

    private static void refused(String field, Executable check) {
        assertThatThrownBy(check::execute).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void textIsTrimmedRequiredAndBounded() {
        assertThat(Checks.text("name", "  Wuhan  ", 10)).isEqualTo("Wuhan");
        assertThat(Checks.optionalText("note", "   ", 10)).isNull();
        assertThat(Checks.optionalText("note", null, 10)).isNull();
        refused("name", () -> Checks.text("name", " ", 10));
        refused("name", () -> Checks.text("name", "x".repeat(11), 10));
        assertThat(Checks.line("place", "Hankou", 20)).isEqualTo("Hankou");
        refused("place", () -> Checks.line("place", "two\nlines", 20));
        assertThat(Checks.optionalLine("place", null, 20)).isNull();
        assertThat(Checks.query(" kn95 ")).isEqualTo("kn95");
        refused("q", () -> Checks.query("x".repeat(Checks.QUERY_MAX + 1)));
    }

    @Test
    void codesQuantitiesAndVersions() {
        assertThat(Checks.code("code", "HB-WH-01")).isEqualTo("HB-WH-01");
        refused("code", () -> Checks.code("code", "hb wh"));
        assertThat(Checks.positive("quantity", 3L)).isEqualTo(3L);
        refused("quantity", () -> Checks.positive("quantity", 0L));
        refused("quantity", () -> Checks.positive("quantity", null));
        assertThat(Checks.notNegative("minimum", 0L)).isZero();
        refused("minimum", () -> Checks.notNegative("minimum", -1L));
        assertThat(Checks.version("version", 1L)).isEqualTo(1L);
        refused("version", () -> Checks.version("version", 0L));
        assertThat(Checks.optionalVersion("version", null)).isNull();
        Checks.expectVersion("Depot", 1, null, 5);
        assertThatThrownBy(() -> Checks.expectVersion("Depot", 1, 4L, 5)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void requiredBodyAndIds() {
        assertThat(Checks.required("itemId", 7L)).isEqualTo(7L);
        refused("itemId", () -> Checks.required("itemId", null));
        refused("body", () -> Checks.body(null));
        assertThat(Checks.ids("itemIds", Arrays.asList(3L, null, 1L, 3L), 5)).containsExactly(1L, 3L);
        assertThat(Checks.ids("itemIds", null, 5)).isEmpty();
        refused("itemIds", () -> Checks.ids("itemIds", List.of(1L, 2L, 3L), 2));
    }
}
