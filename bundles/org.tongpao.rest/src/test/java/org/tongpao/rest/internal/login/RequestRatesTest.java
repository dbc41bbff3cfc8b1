package org.tongpao.rest.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestRatesTest {
    private static final RequestRates.Limit THREE_A_MINUTE = new RequestRates.Limit(3, 60_000);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RequestRates rates = new RequestRates(Map.of(), now::get);

    @Test
    void theDeclaredNumberOfCallsPassThenTheRestOfTheWindowIsRefused() {
        for (int i = 0; i < 3; i++) {
            assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1").allowed()).isTrue();
            now.addAndGet(10_000);
        }
        RequestRates.Verdict refused = rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(30_000);
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void aNewWindowGivesTheFullAllowanceBackAndRefusedCallsDoNotCount() {
        for (int i = 0; i < 10; i++) {
            rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1");
        }
        now.addAndGet(60_000);

        for (int i = 0; i < 3; i++) {
            assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1").allowed()).isTrue();
        }
        assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1").allowed()).isFalse();
    }

    @Test
    void eachAddressAndEachLimitCountsOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1");
        }

        assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1").allowed()).isFalse();
        assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.2").allowed()).isTrue();
        assertThat(rates.acquire("other", THREE_A_MINUTE, "10.0.0.1").allowed()).isTrue();
    }

    @Test
    void theConfigurationOverridesADeclaredLimitByName() {
        rates.update(RequestRates.parse(new String[] {"verify=1/10, other = 5/60"}));

        assertThat(rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1").allowed()).isTrue();
        RequestRates.Verdict refused = rates.acquire("verify", THREE_A_MINUTE, "10.0.0.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(new RequestRates.Limit(1, 10_000));
        assertThat(RequestRates.parse(new String[] {"other=5/60"})).containsEntry("other",
                new RequestRates.Limit(5, 60_000));
    }

    @Test
    void aMalformedOverrideIsRefused() {
        assertThatThrownBy(() -> RequestRates.parse(new String[] {"verify=ten/60"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verify=ten/60");
        assertThatThrownBy(() -> RequestRates.parse(new String[] {"verify=0/60"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RequestRates.parse(null)).isEmpty();
        assertThat(RequestRates.parse(new String[] {" "})).isEmpty();
    }
}
