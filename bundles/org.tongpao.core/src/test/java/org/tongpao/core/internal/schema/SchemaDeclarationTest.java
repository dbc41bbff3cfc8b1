package org.tongpao.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaDeclarationTest {

    @Test
    void readsNameFolderHistoryAndRequirements() {
        assertThat(SchemaDeclaration.parse(
                "inventory;migrations=org/tongpao/inventory/db/migration;history=tp_inventory_schema_history;requires=core"))
                .isEqualTo(new SchemaDeclaration("inventory", "org/tongpao/inventory/db/migration",
                        "tp_inventory_schema_history", List.of("core")));
        assertThat(SchemaDeclaration.parse(" allocation ; history = h ; migrations=\"m\"; requires=\"core, inventory\" "))
                .isEqualTo(new SchemaDeclaration("allocation", "m", "h", List.of("core", "inventory")));
        assertThat(SchemaDeclaration.parse("core;migrations=m;history=h").requires()).isEmpty();
        assertThat(SchemaDeclaration.parse("core;migrations=m;history=h;requires:=").requires()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Core;migrations=m;history=h", "core;history=h", "core;migrations=m",
        "core;migrations=m;history=h;colour=red", "core;migrations=m;history=h;history=x", "core;migrations",
        "core;migrations=m;history=h;requires=core", "core,inventory;migrations=m;history=h"})
    void refusesWhatItCannotRead(String header) {
        assertThatThrownBy(() -> SchemaDeclaration.parse(header)).isInstanceOf(IllegalArgumentException.class);
    }
}
