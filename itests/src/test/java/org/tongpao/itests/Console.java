package org.tongpao.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs console commands inside the container as an operator would, and returns what they print. */
final class Console {
    private Console() {
    }

    static String run(SessionFactory sessions, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        // as an operator logged into the console (Karaf's command ACLs want the admin role)
        Subject operator = new Subject();
        operator.getPrincipals().add(new UserPrincipal("operator"));
        operator.getPrincipals().add(new RolePrincipal("admin"));
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Subject.doAs(operator, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
