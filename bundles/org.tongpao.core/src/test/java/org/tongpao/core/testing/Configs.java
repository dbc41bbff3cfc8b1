package org.tongpao.core.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's configuration annotation for a unit test, as DS would fill it: each method answers its value
 * by name. For every bundle's fixtures (core's test jar).
 */
public final class Configs {

    private Configs() {
    }

    /** {@code values} by method name (e.g. {@code weight_keyArea}); a method without a value fails the test. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return "test " + type.getSimpleName() + " " + values;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    break;
            }
            if (!values.containsKey(method.getName())) {
                throw new AssertionError("No test value for " + type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        }));
    }
}
