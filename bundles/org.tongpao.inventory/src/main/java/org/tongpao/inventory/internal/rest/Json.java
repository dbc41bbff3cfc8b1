package org.tongpao.inventory.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tongpao.core.ValidationException;
import org.tongpao.inventory.CensusSubmission;

/** Optional bodies are taken as text (the JSON provider refuses an empty body) and parsed here. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static CensusSubmission submission(String body) {
        if (body == null || body.isBlank()) {
            return new CensusSubmission(null);
        }
        try {
            return MAPPER.readValue(body, CensusSubmission.class);
        } catch (JsonProcessingException e) {
            throw new ValidationException("declared", "the body must be {\"declared\": [{\"categoryCode\": ..., "
                    + "\"quantity\": n, \"note\": ...}]} or empty");
        }
    }
}
