package org.tongpao.procurement.imports.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A certificate that an order's item meets a Chinese standard, valid until a day (included). */
@io.swagger.v3.oas.annotations.media.Schema(name = "ImportCertification")
public record Certification(String itemCode, String standard, String certificateNumber, String issuedBy,
        LocalDate validUntil, String recordedBy, Instant recordedAt) {
}
