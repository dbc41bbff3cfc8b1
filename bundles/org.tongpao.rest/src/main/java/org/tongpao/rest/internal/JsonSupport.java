package org.tongpao.rest.internal;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

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
        JacksonJsonProvider provider = new JsonProvider(objectMapper());
        // an empty body where one is expected is a client error, not a null argument
        provider.configure(JaxRSFeature.ALLOW_EMPTY_INPUT, false);
        return provider;
    }

    /**
     * Jackson's provider, given only Jackson's own annotations of the resource method. It keys its cache of
     * writers by the method's annotations and hashes them on every answer; our methods carry large OpenAPI
     * annotations ({@code @Operation}, {@code @ApiResponse} with nested {@code @Content} and {@code @Schema}) whose
     * reflective hash was about a tenth of writing an answer. Only Jackson's annotations (and bundles of them)
     * change how it writes.
     */
    static final class JsonProvider extends JacksonJsonProvider {
        private static final Annotation[] NONE = new Annotation[0];

        JsonProvider(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
            super.writeTo(value, type, genericType, jacksonOnly(annotations), mediaType, httpHeaders, entityStream);
        }

        static Annotation[] jacksonOnly(Annotation[] annotations) {
            if (annotations == null || annotations.length == 0) {
                return NONE;
            }
            Annotation[] kept = Arrays.stream(annotations)
                    .filter(a -> a.annotationType().getName().startsWith("com.fasterxml.jackson.")
                            || a.annotationType().isAnnotationPresent(JacksonAnnotationsInside.class))
                    .toArray(Annotation[]::new);
            return kept.length == 0 ? NONE : kept;
        }
    }
}
