package org.tongpao.allocation.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.tongpao.core.rest.Created;
import org.tongpao.core.rest.OptionalBody;

/** Answers and optional bodies shared by the allocation resources. */
final class Params {
    private Params() {
    }

    static <T> T optionalBody(String body, Class<T> type, String field) {
        return OptionalBody.parse(body, type, field, "the body is not valid JSON for this operation");
    }

    static Response created(UriInfo uriInfo, String collection, long id, Object entity) {
        return Created.response(uriInfo, collection, id, entity);
    }
}
