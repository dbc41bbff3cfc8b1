package org.tongpao.rest.internal.shell;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tongpao.rest.internal.login.LoginGuard;
import org.tongpao.rest.internal.login.LoginThrottle;

/** {@code tongpao:logins} — the login locks in force (account at an address, or a whole address). */
@Service
@Command(scope = "tongpao", name = "logins", description = "Lists the login locks in force after failed logins")
public class LoginsCommand implements Action {

    @Reference
    LoginGuard guard;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Account", "Address", "Failures", "Locked until", "Seconds left"}) {
            table.column(c);
        }
        long now = System.currentTimeMillis();
        for (LoginThrottle.Lock l : guard.locks()) {
            table.addRow().addContent(l.addressWide() ? "(every account)" : l.account(), l.address(), l.failures(),
                    Instant.ofEpochMilli(l.untilMillis()).toString(), Math.max(0, (l.untilMillis() - now) / 1000));
        }
        table.print(System.out);
        System.out.println("Lift one with: tongpao:unlock <account>|<address>");
        return null;
    }
}
