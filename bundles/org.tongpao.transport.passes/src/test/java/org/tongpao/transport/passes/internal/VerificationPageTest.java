package org.tongpao.transport.passes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checkpoint's page: the answer in Chinese and English, nothing more, escaped, allowed only its own style. */
class VerificationPageTest {
    private static final Instant FROM = Instant.parse("2020-02-03T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2020-02-06T00:00:00Z");
    private static final Instant NOW = Instant.parse("2020-02-04T02:30:00Z");

    @Test
    void aValidPassShowsValidAreaWindowInBeijingTimePlateAndAuthority() {
        String html = VerificationPage.html(new Verification(PassStatus.VALID, true, "武汉市公安局", FROM, UNTIL,
                "鄂A·J1234", "武汉市新冠肺炎疫情防控指挥部", NOW));
        assertThat(html).contains("<body class=\"ok\">", "有效 VALID", "武汉市公安局", "2020-02-03 08:00 — 2020-02-06 08:00",
                "鄂A·J1234", "武汉市新冠肺炎疫情防控指挥部", "2020-02-04 10:30", "Vehicle plate", "车牌号");
        assertThat(html).doesNotContain("<script", "<a ", "<img", "<form", "http");
    }

    @Test
    void aRevokedPassSaysNotValidAndWhyInBothLanguages() {
        String html = VerificationPage.html(new Verification(PassStatus.REVOKED, false, "武汉市", FROM, UNTIL, "鄂A·J1234",
                "HQ", NOW));
        assertThat(html).contains("<body class=\"no\">", "无效 NOT VALID", "已吊销 REVOKED").doesNotContain("有效 VALID");
    }

    @Test
    void anUnknownCodeShowsOnlyThatItIsUnknown() {
        String html = VerificationPage.html(Verification.unknown(NOW));
        assertThat(html).contains("无法识别 UNKNOWN").doesNotContain("Area", "Vehicle plate", "Issued by");
    }

    @Test
    void whatTheIssuerTypedIsEscaped() {
        String html = VerificationPage.html(new Verification(PassStatus.VALID, true, "<script>alert(1)</script>", FROM,
                UNTIL, "鄂A\"'&", "<b>HQ</b>", NOW));
        assertThat(html).doesNotContain("<script>", "<b>").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "鄂A&quot;&#39;&amp;", "&lt;b&gt;HQ&lt;/b&gt;");
    }

    @Test
    void thePolicyAllowsTheInlineStyleByItsHashAndNothingElse() throws Exception {
        String html = VerificationPage.html(Verification.unknown(NOW));
        Matcher m = Pattern.compile("<style>(.*?)</style>").matcher(html);
        assertThat(m.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(VerificationPage.POLICY).startsWith("default-src 'none'; style-src 'sha256-" + hash + "';")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe", "script-src");
    }
}
