package org.tongpao.procurement.internal.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressStatus;

/** A channel bundle pushes progress for its own channels only. */
class BundleProgressSinkTest {
    final ChannelsFixture f = new ChannelsFixture(1000);
    final ProgressEvent confirmed = ProgressEvent.of("E1", "SUP-1", ProgressStatus.CONFIRMED, Instant.parse("2020-02-01T08:00:00Z"));

    @AfterEach
    void tearDown() {
        f.close();
    }

    static Bundle bundle(long id) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> "bundle" + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void onlyTheRegisteringBundlePushes() {
        f.install(new FakeChannel("centre")); // registered by bundle 42
        assertThat(new BundleProgressSink(f.registry, f.intake, bundle(42)).publish("centre", List.of(confirmed))).isEqualTo(1);
        assertThat(new BundleProgressSink(f.registry, f.intake, bundle(42)).publish("centre", List.of(confirmed))).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> new BundleProgressSink(f.registry, f.intake, bundle(7))
                .publish("centre", List.of(confirmed))).withMessage("channel centre is not registered by bundle bundle7");
        assertThatIllegalArgumentException().isThrownBy(() -> new BundleProgressSink(f.registry, f.intake, bundle(42))
                .publish("gone", List.of(confirmed))).withMessageStartingWith("channel gone is not registered");
        assertThatIllegalArgumentException().isThrownBy(() -> new BundleProgressSink(f.registry, f.intake, bundle(42))
                .publish("centre", Collections.nCopies(501, confirmed))).withMessage("events must hold at most 500");
    }
}
