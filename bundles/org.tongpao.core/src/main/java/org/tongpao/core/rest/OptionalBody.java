package org.tongpao.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.internal.Json;

/**
 * An optional JSON request body, taken by the resource method as text: the REST layer's JSON provider refuses
 * an empty body, and operations such as deactivate, approve or submit need none. Blank → null; unknown
 * properties and malformed JSON → a 400 naming {@code field}.
 */
public final class OptionalBody {

    private OptionalBody() {
    }

    public static <T> T parse(String body, Class<T> type, String field, String expected) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ValidationException(field, expected);
        }
    }
}
