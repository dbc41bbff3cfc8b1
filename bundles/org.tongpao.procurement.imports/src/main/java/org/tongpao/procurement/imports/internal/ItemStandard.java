package org.tongpao.procurement.imports.internal;

import java.time.Instant;

/** The Chinese standard an imported item must be certified to before customs release (e.g. KN95: GB 2626-2019). */
@io.swagger.v3.oas.annotations.media.Schema(name = "ImportItemStandard")
public record ItemStandard(String itemCode, String standard, String note, String updatedBy, Instant updatedAt) {
}
