package org.tongpao.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import javax.annotation.Priority;
import javax.validation.ConstraintViolationException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.tongpao.core.TongpaoException;

/**
 * The exception-mapper family. CXF picks the mapper whose type is nearest to the exception, so each
 * competing built-in (CXF's ValidationExceptionMapper and WebApplicationExceptionMapper, Jackson's
 * JsonParseExceptionMapper and JsonMappingExceptionMapper) is matched by one of ours at least as
 * near; on a tie CXF prefers user providers and then the lower {@code @Priority}.
 */
final class ProblemMappers {
    /** Ahead of any provider left at the default priority (USER = 5000). */
    static final int PRIORITY = 100;

    private ProblemMappers() {
    }

    static List<Object> all() {
        // each anonymous subclass names its exception type once; CXF reads it from the generic superclass
        return List.of(new ProblemMapper<TongpaoException>() { }, new ProblemMapper<ConstraintViolationException>() { },
                new ProblemMapper<JsonParseException>() { }, new ProblemMapper<JsonMappingException>() { },
                new ProblemMapper<MismatchedInputException>() { }, new ProblemMapper<InvalidFormatException>() { },
                new ProblemMapper<UnrecognizedPropertyException>() { }, new WebApplication(),
                new ProblemMapper<Throwable>() { });
    }

    static Response respond(Throwable ex) {
        Problem problem = ProblemMapping.map(ex, RequestState.path(), RequestState.requestId());
        Response.ResponseBuilder rb = Problems.builder(problem);
        Integer retryAfter = ProblemMapping.retryAfter(ex, problem);
        if (retryAfter != null) {
            rb.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return rb.build();
    }

    /** The mapper for one exception type, named by a subclass; {@code @Priority} is read up the class chain. */
    @Priority(PRIORITY)
    abstract static class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {
        @Override
        public Response toResponse(E ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException ex) {
            Problem p = ProblemMapping.map(ex, RequestState.path(), RequestState.requestId());
            Response.ResponseBuilder rb = Problems.builder(p);
            Response original = ex.getResponse();
            if (original != null) {
                // keep the headers that tell a client what to do next
                for (String h : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
                    List<Object> values = original.getHeaders().get(h);
                    if (values != null) {
                        values.forEach(v -> rb.header(h, v));
                    }
                }
            }
            return rb.build();
        }
    }
}
