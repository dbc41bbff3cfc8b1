package org.tongpao.inventory.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A DataSource that runs {@code pause} once, on the thread that is about to prepare the first statement matching
 * {@code when}: a test's way into the gap between two statements of one read (what happens if a write commits
 * there), without sleeping. Everything else goes to the wrapped DataSource as it is.
 */
final class BeforeStatement {
    private BeforeStatement() {
    }

    static DataSource on(DataSource ds, Predicate<String> when, Runnable pause) {
        boolean[] done = {false};
        return proxy(DataSource.class, ds, (m, args) -> {
            Object result = m.invoke(ds, args);
            return result instanceof Connection c ? proxy(Connection.class, c, (cm, cargs) -> {
                if (cm.getName().equals("prepareStatement") && !done[0] && when.test((String) cargs[0])) {
                    done[0] = true;
                    pause.run();
                }
                return cm.invoke(c, cargs);
            }) : result;
        });
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method m, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            try {
                return call.invoke(m, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
