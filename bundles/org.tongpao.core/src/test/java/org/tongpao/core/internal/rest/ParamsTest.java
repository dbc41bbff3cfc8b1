package org.tongpao.core.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongpao.core.OrgLevel;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.QueryParams;

class ParamsTest {

    @Test
    void goodValues() {
        assertThat(QueryParams.limit(null)).isEqualTo(50);
        assertThat(QueryParams.limit("500")).isEqualTo(500);
        assertThat(QueryParams.id("parent", "17")).isEqualTo(17L);
        assertThat(QueryParams.bool("active", "TRUE")).isTrue();
        assertThat(Params.level("county")).isEqualTo(OrgLevel.COUNTY);
        assertThat(Params.version(new VersionBody(3L), "3")).isEqualTo(3L);
        assertThat(Params.version(null, "4")).isEqualTo(4L);
        assertThat(Params.version(null, null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"limit,0", "limit,501", "limit,ten", "parent,x", "active,yes", "level,CITY", "version,v1"})
    void badValuesNameTheParameter(String name, String value) {
        assertThatThrownBy(() -> {
            switch (name) {
                case "limit" -> QueryParams.limit(value);
                case "parent" -> QueryParams.id(name, value);
                case "active" -> QueryParams.bool(name, value);
                case "level" -> Params.level(value);
                default -> Params.version(null, value);
            }
        }).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(name));
    }

    @Test
    void deactivationBodyIsOptional() {
        assertThat(Params.versionBody(null)).isNull();
        assertThat(Params.versionBody("  ")).isNull();
        assertThat(Params.versionBody("{\"version\": 7}").version()).isEqualTo(7L);
        assertThat(Params.versionBody("{}").version()).isNull();
        for (String bad : new String[] {"{\"version\": \"x\"}", "{\"v\": 1}", "[1]", "{"}) {
            assertThatThrownBy(() -> Params.versionBody(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).isEqualTo("version"));
        }
    }

    @Test
    void bodyAndQueryVersionsMustAgree() {
        assertThatThrownBy(() -> Params.version(new VersionBody(2L), "3"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("version"));
    }
}
