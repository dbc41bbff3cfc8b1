package org.tongpao.core;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Which install this is: {@code central} (the ministry) or {@code province:<GB/T 2260 code>}. */
@ProviderType
public interface NodeIdentity {

    /** {@code central} or {@code province:42}. */
    String id();

    default boolean isCentral() {
        return "central".equals(id());
    }

    /** The province code of a provincial node; empty on the central node. */
    default Optional<String> provinceCode() {
        return id().startsWith("province:") ? Optional.of(id().substring("province:".length())) : Optional.empty();
    }

    /** Whether demo accounts and demo data are enabled on this node. */
    boolean demo();
}
