package org.tongpao.core.testing;

import java.util.Set;
import org.tongpao.core.Caller;

/**
 * The callers of the unit tests, one per kind of role, with their scopes. A fixture implements this interface so
 * that its tests keep writing {@code Fixture.ADMIN} (a constant interface, used only in tests).
 */
public interface TestCallers {
    Caller ADMIN = Caller.of("admin", Set.of("ministry-admin"), "req-admin");
    Caller OFFICER = Caller.of("officer", Set.of("ministry-officer"), "req-officer");
    Caller HUBEI = Caller.of("hubei", Set.of("province-officer", "province-42"), "req-hubei");
    Caller JIANGSU = Caller.of("jiangsu", Set.of("province-officer", "province-32"), "req-js");
    Caller AUDITOR = Caller.of("auditor", Set.of("auditor"), "req-auditor");
    Caller KEEPER = Caller.of("keeper", Set.of("depot-keeper", "depot-HB-WH-01"), "req-keeper");
    Caller PARTNER = Caller.of("partner", Set.of("partner", "partner-sf"), "req-partner");
}
