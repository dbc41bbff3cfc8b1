package org.tongpao.rest.internal.shell;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/**
 * {@code tongpao:unlock <account>|<address>} — lifts the login locks of an account (at every address) or of
 * an address (for every account) and forgets their failure counts; audited as the console's doing.
 */
@Service
@Command(scope = "tongpao", name = "unlock", description = "Lifts the login locks of an account or a client address")
public class UnlockCommand implements Action {

    @Argument(index = 0, name = "account-or-address", description = "A user name, or a client address as tongpao:logins "
            + "shows it", required = true)
    String target;

    @Reference
    LoginGuard guard;

    @Override
    public Object execute() {
        // whoever reached the console administers this node; the audit row says it came from there
        Caller operator = new Caller("console", Set.of(Roles.MINISTRY_ADMIN), null, null,
                "shell-" + UUID.randomUUID());
        List<LoginThrottle.Lock> lifted = guard.unlock(target, operator);
        if (lifted.isEmpty()) {
            System.out.println("No lock in force for '" + target + "'; its failure counts are cleared");
        } else {
            for (LoginThrottle.Lock l : lifted) {
                System.out.println("Lifted: " + (l.addressWide() ? "address " + l.address()
                        : "account '" + l.account() + "' from " + l.address()));
            }
        }
        return null;
    }
}
