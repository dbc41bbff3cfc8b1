package org.tongpao.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvinceAndNodeTest {
    private final CsvProvinceRegistry provinces = new CsvProvinceRegistry();

    @Test
    void thirtyOneProvincesOrderedByCode() {
        assertThat(provinces.list()).hasSize(31);
        assertThat(provinces.list().get(0).code()).isEqualTo("11");
        assertThat(provinces.find("42")).hasValueSatisfying(p -> {
            assertThat(p.nameEn()).isEqualTo("Hubei");
            assertThat(p.nameZh()).isEqualTo("湖北省");
            assertThat(p.kind()).isEqualTo("province");
        });
        assertThat(provinces.isValid("65")).isTrue();
        assertThat(provinces.isValid("99")).isFalse();
        assertThat(provinces.isValid(null)).isFalse();
    }

    @Test
    void centralIsTheDefault() {
        NodeIdentityComponent node = new NodeIdentityComponent(config("central", false), provinces);
        assertThat(node.id()).isEqualTo("central");
        assertThat(node.isCentral()).isTrue();
        assertThat(node.provinceCode()).isEmpty();
        assertThat(node.demo()).isFalse();
    }

    @Test
    void provinceNode() {
        NodeIdentityComponent node = new NodeIdentityComponent(config("province:42", true), provinces);
        assertThat(node.provinceCode()).hasValue("42");
        assertThat(node.demo()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Central", "province:", "province:99", "province:4", "province:42x", "42"})
    void invalidIdentityFailsActivation(String value) {
        assertThatThrownBy(() -> new NodeIdentityComponent(config(value, false), provinces))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static NodeIdentityComponent.Config config(String node, boolean demo) {
        return new NodeIdentityComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NodeIdentityComponent.Config.class;
            }

            @Override
            public String node() {
                return node;
            }

            @Override
            public boolean demo() {
                return demo;
            }
        };
    }
}
