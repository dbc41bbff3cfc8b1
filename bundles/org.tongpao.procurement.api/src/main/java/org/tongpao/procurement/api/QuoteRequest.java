package org.tongpao.procurement.api;

import java.time.LocalDate;
import java.util.List;
import org.tongpao.procurement.api.internal.Check;

/**
 * A request for quotation: Tongpao's reference, 1–200 lines, the province to deliver to, the date the goods
 * are needed by (optional) and whether it is an emergency procurement (single source, expedited).
 */
public record QuoteRequest(String requestRef, List<RequestLine> lines, String deliverToProvince, LocalDate neededBy,
        boolean emergency) {
    public static final int MAX_LINES = 200;

    public QuoteRequest {
        requestRef = Check.reference(requestRef, "requestRef", 64, true);
        lines = Check.list(lines, "lines", 1, MAX_LINES);
        Check.distinct(lines, RequestLine::lineRef, "lines");
        Check.province(deliverToProvince, "deliverToProvince");
    }
}
