package org.tongpao.core.rest;

import io.swagger.v3.oas.annotations.Parameter;
import javax.ws.rs.QueryParam;

/**
 * The {@code limit} and {@code cursor} query parameters of every keyset-paged list, with their OpenAPI
 * descriptions, as one JAX-RS {@code @BeanParam PageParams page}. The JavaBean getters return the raw
 * strings because the OpenAPI generator reads the parameters through them (keep them typed as strings so
 * the document does not change); resources use {@link #limit()} and {@link #cursor()}.
 */
public class PageParams {
    @Parameter(description = "1..500, default 50")
    @QueryParam("limit")
    private String limit;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("cursor")
    private String cursor;

    /** The page size: absent → the default; a bad value is a 400 naming {@code limit}. */
    public int limit() {
        return QueryParams.limit(limit);
    }

    /** The cursor, or null when absent or blank. */
    public String cursor() {
        return QueryParams.text(cursor);
    }

    /** The raw query value (the OpenAPI generator reads the parameter through this getter). */
    public String getLimit() {
        return limit;
    }

    /** The raw query value (the OpenAPI generator reads the parameter through this getter). */
    public String getCursor() {
        return cursor;
    }
}
