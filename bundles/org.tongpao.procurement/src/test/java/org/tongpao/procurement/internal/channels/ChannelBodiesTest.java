package org.tongpao.procurement.internal.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.core.ValidationException;
import org.tongpao.procurement.api.DocumentKind;
import org.tongpao.procurement.api.ProgressStatus;

/** A REST body out of the SPI's bounds is a 400 naming the field within the list. */
class ChannelBodiesTest {
    static final Instant T0 = Instant.parse("2020-02-01T08:00:00Z");

    @Test
    void badValuesAreNamedWhereTheyArePosted() {
        var ok = new ChannelBodies.ProgressEventBody("E1", "SUP-1", ProgressStatus.SHIPPED, T0, "L1", 4L, null,
                List.of(new ChannelBodies.ProgressDocumentBody(DocumentKind.WAYBILL, "SF-1", null, null)), null);
        var badDoc = new ChannelBodies.ProgressEventBody("E2", "SUP-1", ProgressStatus.SHIPPED, T0, null, null, null,
                List.of(new ChannelBodies.ProgressDocumentBody(DocumentKind.WAYBILL, "SF 1", null, null)), null);
        var noNote = new ChannelBodies.ProgressEventBody("E3", "SUP-1", ProgressStatus.EXCEPTION, T0, null, null, null, null, null);
        assertThat(ChannelBodies.events(new ChannelBodies.ProgressBody(List.of(ok)))).hasSize(1);
        assertThatThrownBy(() -> ChannelBodies.events(new ChannelBodies.ProgressBody(List.of(ok, badDoc))))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("events[1].documents[0].number");
        assertThatThrownBy(() -> ChannelBodies.events(new ChannelBodies.ProgressBody(List.of(noNote))))
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("events[0].note");
    }

    @Test
    void quoteLinesAreNumberedAndChecked() {
        var body = new ChannelBodies.QuoteRequestBody(null, List.of(new ChannelBodies.QuoteLineBody(null, "MASK-N95", null, 10, null),
                new ChannelBodies.QuoteLineBody(null, "GOWN-1", null, 5, null)), "42", null, true);
        assertThat(ChannelBodies.request(body, "RFQ-x").lines()).extracting(l -> l.lineRef()).containsExactly("L1", "L2");
        var bad = new ChannelBodies.QuoteRequestBody("R", List.of(new ChannelBodies.QuoteLineBody(null, "MASK-N95", null, 0, null)), "42", null, false);
        assertThatThrownBy(() -> ChannelBodies.request(bad, "x")).extracting(e -> ((ValidationException) e).field()).isEqualTo("lines[0].quantity");
        var province = new ChannelBodies.QuoteRequestBody("R", List.of(new ChannelBodies.QuoteLineBody(null, "MASK-N95", null, 1, null)), "Hubei", null, false);
        assertThatThrownBy(() -> ChannelBodies.request(province, "x")).extracting(e -> ((ValidationException) e).field()).isEqualTo("deliverToProvince");
    }
}
