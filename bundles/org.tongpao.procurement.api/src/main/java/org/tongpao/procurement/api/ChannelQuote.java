package org.tongpao.procurement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * A channel's offer for a request: its reference, the currency (ISO 4217) of every price, the lines it can
 * supply (a requested line it cannot supply is left out; none at all is a {@link ChannelException}), until
 * when it stands, the incoterm of an import (e.g. {@code CIF}, optional) and a note.
 */
public record ChannelQuote(String quoteRef, String currency, List<QuotedLine> lines, Instant validUntil, String incoterm,
        String note) {
    public ChannelQuote {
        quoteRef = Check.reference(quoteRef, "quoteRef", 64, true);
        Check.currency(currency, "currency");
        lines = Check.list(lines, "lines", 1, QuoteRequest.MAX_LINES);
        Check.distinct(lines, QuotedLine::lineRef, "lines");
        Check.required(validUntil, "validUntil");
        if (incoterm != null && !incoterm.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("incoterm must be three capital letters such as CIF or DAP");
        }
        note = Check.text(note, "note", 1000, false, true);
    }

    /** The sum of the lines' amounts, exact, in {@link #currency()}. */
    public BigDecimal total() {
        return lines.stream().map(QuotedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
