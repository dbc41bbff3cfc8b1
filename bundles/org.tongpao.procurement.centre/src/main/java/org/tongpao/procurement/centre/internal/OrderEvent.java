package org.tongpao.procurement.centre.internal;

import java.time.Instant;

/** One step of an order's progress, as the centre's officer reported it; {@code id} orders every order's steps. */
@io.swagger.v3.oas.annotations.media.Schema(name = "CentreOrderEvent")
public record OrderEvent(long id, long orderId, CentreOrderStatus status, Instant at, String note, String recordedBy) {
}
