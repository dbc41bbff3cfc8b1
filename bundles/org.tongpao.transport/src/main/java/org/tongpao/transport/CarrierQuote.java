package org.tongpao.transport;

import org.tongpao.transport.api.Quote;

/** One carrier's answer to a {@link QuoteRequest}: its quote, or why it has none (doesn't serve, refused, failed). */
public record CarrierQuote(String carrierId, String carrierName, Quote quote, String problem) {
}
