package org.tongpao.federation.inventory.internal.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;

class RebuildCursorTest {

    @Test
    void absentOrEmptyStartsTheStreamWithMasterData() {
        assertThat(RebuildCursor.parse(null)).isEqualTo(new RebuildCursor("units", ""));
        assertThat(RebuildCursor.parse("")).isEqualTo(RebuildCursor.first());
        assertThat(RebuildCursor.first().isFirst()).isTrue();
    }

    @Test
    void aCursorSurvivesItsText() {
        RebuildCursor lots = new RebuildCursor("lots", "41907");
        assertThat(RebuildCursor.parse(lots.toString())).isEqualTo(lots);
        // a master data key is core's own opaque cursor and may hold anything but is kept whole
        RebuildCursor units = new RebuildCursor("units", "aWQ6MTA:x");
        assertThat(RebuildCursor.parse(units.toString())).isEqualTo(units);
    }

    @Test
    void sectionsFollowInOrderAndTheLastEndsTheStream() {
        RebuildCursor c = RebuildCursor.first();
        StringBuilder order = new StringBuilder();
        while (c != null) {
            order.append(c.section()).append(' ');
            c = c.nextSection();
        }
        assertThat(order.toString().trim()).isEqualTo("units items depots lots transfers");
    }

    @Test
    void anythingCentralDidNotGiveIsA400NamingAfter() {
        for (String bad : new String[] {"lots", "stock:12", "lots:12x", "lots:-1", "x".repeat(201)}) {
            assertThatThrownBy(() -> RebuildCursor.parse(bad)).as(bad).isInstanceOf(ValidationException.class)
                    .extracting("field").isEqualTo("after");
        }
    }
}
