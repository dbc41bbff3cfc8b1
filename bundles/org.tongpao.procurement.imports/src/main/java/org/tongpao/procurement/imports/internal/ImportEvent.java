package org.tongpao.procurement.imports.internal;

import java.time.Instant;

/** One step of an import order's progress, as its channel reports it; {@code id} orders every order's steps. */
public record ImportEvent(long id, long orderId, ImportStatus status, Instant at, String note, String recordedBy) {
}
