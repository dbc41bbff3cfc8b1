package org.tongpao.allocation.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.tongpao.core.ValidationException;

/** Query parameters arrive as strings and are parsed here, so a bad value is a 400 naming the parameter. */
final class Params {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Params() {
    }

    /**
     * An optional JSON body read as text: the JSON provider refuses an empty body, and these
     * operations need none.
     */
    static <T> T optionalBody(String body, Class<T> type, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ValidationException(field, "the body is not valid JSON for this operation: "
                    + e.getOriginalMessage());
        }
    }

    static Response created(UriInfo uriInfo, String collection, long id, Object entity) {
        URI location = uriInfo.getBaseUriBuilder().path(collection).path(Long.toString(id)).build();
        return Response.created(location).entity(entity).build();
    }
}
