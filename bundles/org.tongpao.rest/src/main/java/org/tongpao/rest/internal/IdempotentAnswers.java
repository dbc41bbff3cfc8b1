package org.tongpao.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.IdempotencyKeys.Answer;
import org.tongpao.core.persistence.IdempotencyKeys.Use;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.rest.JaxRs;

/**
 * Every write's first answer under an {@code Idempotency-Key}, kept with the key and sent again for every
 * repeat: the same status, body, {@code Location} and content type, plus {@code Idempotent-Replayed: true}.
 * One place for every resource of every bundle: the services settle the key ({@link IdempotencyKeys}) and
 * tell, per thread, whether a request's key ran or was repeated; this filter stores the answer of the first
 * settled run and answers with the stored one. For a resource method's {@code Response}, {@link AnsweringInvoker} has
 * the answer stored in the write's own commit already; this filter then only sends it. Answers that say "try later" (5xx, {@code Retry-After}) are
 * never stored, and a write whose key was not honoured (refused as a different request, still in progress)
 * is left alone.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        property = JaxRs.EXTENSION)
@Priority(Priorities.USER)
public final class IdempotentAnswers implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentAnswers.class);
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The request property under which {@link AnsweringInvoker} leaves the answer it stored with the write. */
    static final String STORED_PROPERTY = "org.tongpao.rest.storedAnswer";

    private final IdempotencyKeys keys;
    private final ObjectMapper json = JsonSupport.objectMapper();

    @Activate
    public IdempotentAnswers(@Reference IdempotencyKeys keys) {
        this.keys = keys;
    }

    IdempotencyKeys keys() {
        return keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // this thread served other requests before: forget any key use they left behind
        keys.takeUses();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<Use> uses = keys.takeUses();
        String key = request.getHeaderString(IdempotencyKeys.HEADER);
        if (uses.isEmpty() || key == null || !WRITES.contains(request.getMethod())) {
            return;
        }
        Object principal = request.getProperty(RequestState.CALLER_PROPERTY);
        if (!(principal instanceof Caller caller)) {
            return;
        }
        Optional<Use> use = uses.stream().filter(u -> u.actor().equals(caller.user()) && u.key().equals(key))
                .findFirst();
        if (use.isEmpty()) {
            return;
        }
        if (request.getProperty(STORED_PROPERTY) instanceof Answer stored) {
            // stored in the write's own commit (AnsweringInvoker): send it as kept, without another transaction
            send(stored, response, false);
            return;
        }
        try {
            keys.answer(caller, key, candidate(response)).ifPresent(a -> send(a, response, use.get().repeat()));
        } catch (RuntimeException e) {
            // the write itself is settled; this answer is simply not kept
            LOG.warn("The answer for Idempotency-Key {} of {} could not be stored or read", key, caller.user(), e);
        }
    }

    /** This response as a key's answer; null when it must not be kept (try later, or not JSON). */
    private Answer candidate(ContainerResponseContext response) {
        return candidate(response.getStatus(), response.getMediaType(), response.getHeaderString(HttpHeaders.LOCATION),
                response.getHeaderString(HttpHeaders.RETRY_AFTER), response.getEntity());
    }

    /**
     * A resource method's {@code Response} as its key's answer, before the response chain runs: its own type, else
     * the one the method {@code produces}; null when it must not be kept.
     */
    Answer candidate(Response response, MediaType produces) {
        MediaType type = response.getMediaType() != null ? response.getMediaType() : produces;
        return candidate(response.getStatus(), type, response.getHeaderString(HttpHeaders.LOCATION),
                response.getHeaderString(HttpHeaders.RETRY_AFTER), response.getEntity());
    }

    private Answer candidate(int status, MediaType type, String location, String retryAfter, Object entity) {
        if (status >= 500 || retryAfter != null) {
            return null;
        }
        if (entity == null) {
            return new Answer(status, null, location, null);
        }
        if (type == null || !type.getSubtype().endsWith("json")) {
            return null;
        }
        String body;
        if (entity instanceof byte[] bytes) {
            body = new String(bytes, StandardCharsets.UTF_8);
        } else if (entity instanceof String text) {
            body = text;
        } else {
            try {
                body = json.writeValueAsString(entity);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The answer could not be written as JSON", e);
            }
        }
        return new Answer(status, type.toString(), location, body);
    }

    /** Answers with the stored answer, byte for byte. */
    private static void send(Answer a, ContainerResponseContext response, boolean repeat) {
        response.setStatus(a.status());
        if (a.location() != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, a.location());
        } else {
            response.getHeaders().remove(HttpHeaders.LOCATION);
        }
        if (a.body() != null) {
            response.setEntity(a.body().getBytes(StandardCharsets.UTF_8), new java.lang.annotation.Annotation[0],
                    MediaType.valueOf(a.contentType()));
        } else {
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        if (repeat) {
            response.getHeaders().putSingle(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
    }
}
