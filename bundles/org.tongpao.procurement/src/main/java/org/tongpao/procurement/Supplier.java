package org.tongpao.procurement;

import java.time.Instant;
import java.util.List;

/**
 * A supplier: national ({@code provinceCode} null, registered by the ministry) or a province's own. {@code contact}
 * is null unless the caller holds a procurement role (personal data).
 */
public record Supplier(long id, String code, String name, String country, String provinceCode,
        SupplierContact contact, boolean active, List<Qualification> qualifications, SupplierPerformance performance,
        long version, Instant createdAt) {
}
