package org.tongpao.core;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The 31 provincial-level divisions; read-only reference data shipped in the core bundle. */
@ProviderType
public interface ProvinceRegistry {

    /** All provinces ordered by code. */
    List<Province> list();

    Optional<Province> find(String code);

    /** Whether {@code code} is one of the 31 province codes. */
    default boolean isValid(String code) {
        return code != null && find(code).isPresent();
    }
}
