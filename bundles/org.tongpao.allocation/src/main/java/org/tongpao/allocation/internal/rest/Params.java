package org.tongpao.allocation.internal.rest;

import org.tongpao.core.rest.OptionalBody;

/** The optional JSON bodies of the allocation resources (201 answers are core's {@code Created}). */
final class Params {
    private Params() {
    }

    static <T> T optionalBody(String body, Class<T> type, String field) {
        return OptionalBody.parse(body, type, field, "the body is not valid JSON for this operation");
    }
}
