package org.tongpao.procurement.imports.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.tongpao.procurement.api.DocumentKind;

/** A paper of an import order (the SPI's kinds: invoice, packing list, bill of lading, declaration, release, ...). */
@io.swagger.v3.oas.annotations.media.Schema(name = "ImportDocument")
public record ImportDocument(DocumentKind kind, String number, LocalDate issued, String recordedBy, Instant recordedAt) {
}
