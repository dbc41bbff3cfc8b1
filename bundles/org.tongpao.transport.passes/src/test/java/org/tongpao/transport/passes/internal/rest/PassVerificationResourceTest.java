package org.tongpao.transport.passes.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** Content negotiation on the QR code's URL: a phone's browser gets the page, everything else JSON as before. */
class PassVerificationResourceTest {

    private static List<MediaType> accept(String... types) {
        // built directly (MediaType.valueOf needs a JAX-RS runtime); the server hands them over sorted by quality
        return java.util.Arrays.stream(types).map(t -> t.split(";")[0].split("/"))
                .map(p -> new MediaType(p[0], p[1])).toList();
    }

    @Test
    void aBrowserGetsThePage() {
        // what mobile Chrome and Safari send, most preferred first
        assertThat(PassVerificationResource.prefersHtml(accept("text/html", "application/xhtml+xml",
                "application/xml;q=0.9", "*/*;q=0.8"))).isTrue();
        assertThat(PassVerificationResource.prefersHtml(accept("application/xhtml+xml", "*/*;q=0.8"))).isTrue();
    }

    @Test
    void machinesAndWildcardsGetJson() {
        assertThat(PassVerificationResource.prefersHtml(accept())).isFalse();
        assertThat(PassVerificationResource.prefersHtml(accept("*/*"))).isFalse();
        assertThat(PassVerificationResource.prefersHtml(accept("application/json"))).isFalse();
        assertThat(PassVerificationResource.prefersHtml(accept("application/problem+json", "text/html;q=0.5")))
                .isFalse();
        assertThat(PassVerificationResource.prefersHtml(accept("text/*", "text/html"))).isFalse();
    }
}
