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
        return List.of(new Domain(), new ConstraintViolation(), new JsonParse(), new JsonMapping(),
                new MismatchedInput(), new InvalidFormat(), new UnrecognizedProperty(), new WebApplication(),
                new Unexpected());
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

    @Priority(PRIORITY)
    static final class Domain implements ExceptionMapper<TongpaoException> {
        @Override
        public Response toResponse(TongpaoException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class ConstraintViolation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class JsonParse implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class JsonMapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class InvalidFormat implements ExceptionMapper<InvalidFormatException> {
        @Override
        public Response toResponse(InvalidFormatException ex) {
            return respond(ex);
        }
    }

    @Priority(PRIORITY)
    static final class UnrecognizedProperty implements ExceptionMapper<UnrecognizedPropertyException> {
        @Override
        public Response toResponse(UnrecognizedPropertyException ex) {
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

    @Priority(PRIORITY)
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable ex) {
            return respond(ex);
        }
    }
}
