package org.tongpao.inventory.internal.rest;

import org.tongpao.core.rest.Created;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/** Query parameters arrive as strings and are parsed here, so a bad value is a 400 naming the parameter. */
final class Params {
    private Params() {
    }

    static Response created(UriInfo uriInfo, String path, long id, Object entity) {
        return Created.response(uriInfo, "inventory/" + path, id, entity);
    }
}
