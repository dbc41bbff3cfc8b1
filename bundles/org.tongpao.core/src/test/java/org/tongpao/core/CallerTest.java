package org.tongpao.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void vouchedCallerKeepsTheActorsNameAndRequestWithThePlatformsAuthority() {
        Caller officer = Caller.of("don-hb", Set.of(Roles.DONATION_OFFICER, "province-42"), "req-1");
        Caller v = Caller.vouchedFor(officer, "donation");
        assertEquals("don-hb", v.user());
        assertEquals("req-1", v.requestId());
        assertTrue(v.isMinistry());
        assertTrue(v.isVouched());
        assertFalse(officer.isVouched());
        assertEquals("vouched:donation", v.primaryRole());
        assertEquals(Roles.DONATION_OFFICER, officer.primaryRole());
    }

    @Test
    void aLoginNeverCarriesTheVouchingRole() {
        Caller c = Caller.of("mallory", Set.of("vouched:donation", Roles.AUDITOR), "r");
        assertFalse(c.isVouched());
        assertFalse(c.isMinistry());
        assertEquals(Roles.AUDITOR, c.primaryRole());
    }

    @Test
    void theServiceNameIsChecked() {
        Caller officer = Caller.of("u", Set.of(Roles.DONATION_OFFICER), "r");
        assertThrows(IllegalArgumentException.class, () -> Caller.vouchedFor(officer, "Donation Service"));
        assertThrows(IllegalArgumentException.class, () -> Caller.vouchedFor(officer, null));
    }
}
