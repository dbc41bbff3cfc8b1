package org.tongpao.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** The one JSON configuration of the API. */
final class JsonSupport {
    private JsonSupport() {
    }

    /** Strict on input (unknown or null-for-primitive fields are errors), ISO-8601 dates; no default typing. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    static JacksonJsonProvider provider() {
        JacksonJsonProvider provider = new JacksonJsonProvider(objectMapper());
        // an empty body where one is expected is a client error, not a null argument
        provider.configure(JaxRSFeature.ALLOW_EMPTY_INPUT, false);
        return provider;
    }
}
