package org.tongpao.rest.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void forwardedForIsIgnoredUnlessTheConnectionComesFromATrustedProxy() {
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of())).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of("127.0.0.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopCounts() {
        Set<String> proxies = Set.of("127.0.0.1", "10.0.0.5");
        // the client can prepend anything; only what our proxies appended is believed
        assertThat(ClientAddress.of("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.0.0.5", proxies)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("127.0.0.1", "not-an-address", proxies)).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6CountsPerSlash64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1", null, Set.of()))
                .isEqualTo(ClientAddress.of("2001:db8:1:2:bbbb::9", null, Set.of()))
                .endsWith("/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1", null, Set.of()))
                .isNotEqualTo(ClientAddress.of("2001:db8:1:2::1", null, Set.of()));
        assertThat(ClientAddress.of(null, null, Set.of())).isEqualTo("unknown");
    }
}
