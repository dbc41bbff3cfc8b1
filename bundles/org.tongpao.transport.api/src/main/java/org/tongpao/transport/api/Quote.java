package org.tongpao.transport.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.tongpao.transport.api.internal.Check;

/** A carrier's offer for an order: price, how soon it picks up and delivers, and until when it stands. */
public record Quote(BigDecimal price, String currency, Duration pickupWithin, Duration deliverWithin,
        Instant validUntil) {

    public Quote {
        Check.amount(price, "price", true, 1_000_000_000L, 2);
        currency = Check.text(currency, "currency", 3);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY");
        }
        Check.required(pickupWithin, "pickupWithin");
        Check.required(deliverWithin, "deliverWithin");
        Check.optionalDuration(pickupWithin, "pickupWithin", ServicePromise.MAX);
        Check.optionalDuration(deliverWithin, "deliverWithin", ServicePromise.MAX);
        Check.required(validUntil, "validUntil");
    }
}
