package org.tongpao.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DonorCodesTest {

    @Test
    void codesAreRandomReadableAndTypedFreely() {
        DonorCodes codes = new DonorCodes(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String c = codes.next();
            assertThat(c).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
            assertThat(DonorCodes.normalise(c)).isEqualTo(c);
            seen.add(c);
        }
        assertThat(seen).hasSize(1000);
        assertThat(DonorCodes.normalise("7kq2 mx9c 4h8t opwd j3rb")).isEqualTo("7KQ2-MX9C-4H8T-0PWD-J3RB");
        assertThat(DonorCodes.normalise("7KQ2-MX9C")).isNull();
        assertThat(DonorCodes.normalise("7KQ2-MX9C-4H8T-0PWD-J3RU")).isNull();
        assertThat(DonorCodes.normalise(null)).isNull();
        assertThat(DonorCodes.normalise("../../etc/passwd")).isNull();
    }
}
