package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesBasicCredentials() {
        BasicCredentials c = BasicCredentials.parse(basic("officer:p:w")).orElseThrow();
        assertThat(c.user()).isEqualTo("officer");
        assertThat(new String(c.password())).isEqualTo("p:w");
        assertThat(BasicCredentials.parse("basic " + basic("u:").substring(6))).isPresent();
        assertThat(BasicCredentials.parse(basic("\u5f20\u4e09:\u5bc6\u7801")).orElseThrow().user())
                .isEqualTo("\u5f20\u4e09");
        assertThat(c.toString()).doesNotContain("p:w");
    }

    @Test
    void rejectsBrokenBasicCredentials() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Basic")).isEmpty();
        assertThat(BasicCredentials.parse("Basic ")).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!not-base64!!!")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":password"))).isEmpty();
    }

    @Test
    void acceptsWellFormedRequestIdsOnly() {
        assertThat(RequestIdFilter.accept("abc-123_X.y")).isEqualTo("abc-123_X.y");
        assertThat(RequestIdFilter.accept("a".repeat(64))).isEqualTo("a".repeat(64));
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(RequestIdFilter.accept(null)).matches(uuid);
        assertThat(RequestIdFilter.accept("")).matches(uuid);
        assertThat(RequestIdFilter.accept("a".repeat(65))).matches(uuid);
        assertThat(RequestIdFilter.accept("bad id")).matches(uuid);
        assertThat(RequestIdFilter.accept("x\r\nSet-Cookie: a=b")).matches(uuid);
        assertThat(RequestIdFilter.accept(null)).isNotEqualTo(RequestIdFilter.accept(null));
    }

    @Test
    void limitedStreamAllowsUpToTheLimit() throws Exception {
        InputStream in = new BodyLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10);
        assertThat(in.readAllBytes()).hasSize(10);
    }

    @Test
    void limitedStreamFailsPastTheLimit() {
        InputStream in = new BodyLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadTooLargeException.class)
                .satisfies(e -> assertThat(((PayloadTooLargeException) e).getResponse().getStatus()).isEqualTo(413));
        InputStream single = new BodyLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[2]), 1);
        assertThatThrownBy(() -> {
            single.read();
            single.read();
        }).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void bodyLimitsFollowTheMethodThenItsClassThenTheServer() throws Exception {
        BodyLimits limits = new BodyLimits(2048, BodyLimits.parse(new String[] {"bulk=9000, other=5"}));
        Class<?> items = TestResources.Items.class;
        assertThat(limits.forOperation(items.getMethod("bulk", InputStream.class), items)).isEqualTo(9000);
        assertThat(BodyLimits.of(2048).forOperation(items.getMethod("bulk", InputStream.class), items))
                .isEqualTo(TestResources.BULK_LIMIT);
        assertThat(limits.forOperation(null, items))
                .isEqualTo(2048);
        assertThat(limits.forOperation(Whole.class.getMethod("put"), Whole.class)).isEqualTo(5);
        assertThat(limits.forOperation(Object.class.getMethod("toString"), Object.class)).isEqualTo(2048);
    }

    @Test
    void bodyLimitsConfigurationIsNameEqualsBytes() {
        assertThat(BodyLimits.parse(new String[] {" import = 67108864 ", ""})).containsEntry("import", 67108864L)
                .hasSize(1);
        assertThat(BodyLimits.parse(null)).isEmpty();
        for (String bad : new String[] {"import", "import=", "import=0", "import=-1", "import=64MiB"}) {
            assertThatThrownBy(() -> BodyLimits.parse(new String[] {bad}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bodyLimits");
        }
    }

    /** A class-level limit reaches each of its methods. */
    @org.tongpao.core.rest.BodyLimit(value = "other", bytes = 1)
    static class Whole {
        public void put() {
        }
    }

    @Test
    void readsKarafPrincipals() {
        Authenticator.Identity id = JaasAuthenticator.identity("typed",
                Set.of(new UserPrincipal("officer"), new RolePrincipal("province-officer"),
                        new RolePrincipal("province-42"), () -> "other-principal"));
        assertThat(id.user()).isEqualTo("officer");
        assertThat(id.roles()).containsExactlyInAnyOrder("province-officer", "province-42");
    }

    @Test
    void logsUserNamesSafely() {
        assertThat(AuthenticationFilter.printable("a\nb")).isEqualTo("a?b");
        assertThat(AuthenticationFilter.printable("x".repeat(100))).hasSize(65);
    }
}
