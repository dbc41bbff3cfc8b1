package org.tongpao.procurement.centre.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tongpao.core.ValidationException;

/** ISO dates in query parameters. */
final class Dates {
    private Dates() {
    }

    static LocalDate parse(String field, String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be an ISO date such as 2026-02-01");
        }
    }
}
