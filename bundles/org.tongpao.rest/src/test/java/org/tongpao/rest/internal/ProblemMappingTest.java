package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.validation.ConstraintViolation;
import javax.validation.ConstraintViolationException;
import javax.validation.Valid;
import javax.validation.Validation;
import javax.validation.Validator;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.Response;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.StaleVersionException;
import org.tongpao.core.ValidationException;

class ProblemMappingTest {
    private static final ObjectMapper JSON = JsonSupport.objectMapper();

    public static class Item {
        @NotBlank
        public String code;
        public int shelfLifeMonths;
        public LocalDate expires;
        @Valid
        public List<Line> lines;
    }

    public static class Line {
        @Min(1)
        public int quantity;
    }

    /** A resource-like method: HV names its violations {@code create.arg0.code}. */
    public static class Resource {
        public void create(@Valid Item arg0) {
        }
    }

    private static JsonNode body(Problem p) throws Exception {
        String json = new String(Problems.toJson(p), StandardCharsets.UTF_8);
        // nothing internal reaches a client
        assertThat(json).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.")
                .doesNotContain("org.tongpao");
        return JSON.readTree(json);
    }

    private static Problem map(Throwable t) {
        return ProblemMapping.map(t, "/api/v1/items", "rid-1");
    }

    @Test
    void validationExceptionIs400WithField() throws Exception {
        JsonNode b = body(map(new ValidationException("code", "must be upper case")));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("type").asText()).isEqualTo("urn:tongpao:problem:validation");
        assertThat(b.get("field").asText()).isEqualTo("code");
        assertThat(b.get("errors").get(0).get("field").asText()).isEqualTo("code");
        assertThat(b.get("errors").get(0).get("message").asText()).isEqualTo("must be upper case");
        assertThat(b.get("instance").asText()).isEqualTo("/api/v1/items");
        assertThat(b.get("requestId").asText()).isEqualTo("rid-1");
    }

    @Test
    void domainErrorsMapToTheirStatus() throws Exception {
        assertThat(body(map(new NotFoundException("item", "KN95"))).get("status").asInt()).isEqualTo(404);
        assertThat(body(map(new AccessDeniedException("not your province"))).get("status").asInt()).isEqualTo(403);
        assertThat(body(map(new ConflictException("code taken"))).get("status").asInt()).isEqualTo(409);
        JsonNode stale = body(map(new StaleVersionException("item", "KN95", 3, 4)));
        assertThat(stale.get("status").asInt()).isEqualTo(409);
        assertThat(stale.get("type").asText()).isEqualTo("urn:tongpao:problem:conflict");
        assertThat(stale.get("detail").asText()).isEqualTo("item KN95 is at version 4, not 3");
        assertThat(stale.has("field")).isFalse();
    }

    @Test
    void aConflictAboutAFieldNamesIt() throws Exception {
        JsonNode p = body(map(new ConflictException("depotId", "depot HB-WH-01's ledger is kept by node province:42")));
        assertThat(p.get("status").asInt()).isEqualTo(409);
        assertThat(p.get("field").asText()).isEqualTo("depotId");
        assertThat(p.get("detail").asText()).contains("province:42");
    }

    @Test
    void aBodyIdNamingNothingVisibleIs404NamingItsField() throws Exception {
        JsonNode b = body(map(NotFoundException.ofField("orgUnitId", 42)));
        assertThat(b.get("status").asInt()).isEqualTo(404);
        assertThat(b.get("type").asText()).isEqualTo("urn:tongpao:problem:not-found");
        assertThat(b.get("field").asText()).isEqualTo("orgUnitId");
        assertThat(b.get("detail").asText()).isEqualTo("orgUnitId 42 not found");
        assertThat(b.has("errors")).isFalse();
        JsonNode path = body(map(new NotFoundException("Depot", 7)));
        assertThat(path.has("field")).isFalse();
        assertThat(path.get("detail").asText()).isEqualTo("Depot 7 not found");
    }

    @Test
    void aChangeThatCouldNotBeForwardedIs503WithRetryAfter() throws Exception {
        var unforwarded = new org.tongpao.core.persistence.ForwardingUnavailableException(
                "org/tongpao/inventory/MOVEMENT", "org/tongpao/inventory/MOVEMENT");
        Problem p = map(unforwarded);
        JsonNode b = body(p);
        assertThat(b.get("status").asInt()).isEqualTo(503);
        assertThat(b.get("type").asText()).isEqualTo("urn:tongpao:problem:service-unavailable");
        assertThat(b.get("detail").asText()).contains("nothing was written");
        assertThat(b.toString()).doesNotContain("org/tongpao");
        assertThat(ProblemMapping.retryAfter(unforwarded, p)).isEqualTo(5);
    }

    @Test
    void aLockTheDatabaseKeptGivingUpOnIs503WithRetryAfterNever500() throws Exception {
        var gaveUp = new org.tongpao.core.persistence.TransientDataAccessException("receipt gave up",
                new java.sql.SQLException("A lock could not be obtained within the time requested", "40XL1"), 1);
        Problem p = map(gaveUp);
        JsonNode b = body(p);
        assertThat(b.get("status").asInt()).isEqualTo(503);
        assertThat(b.get("type").asText()).isEqualTo("urn:tongpao:problem:service-unavailable");
        assertThat(b.toString()).doesNotContain("lock could not").doesNotContain("40XL1");
        assertThat(ProblemMapping.retryAfter(gaveUp, p)).isEqualTo(1);
        // a transient lock failure that reached the API without the retry (e.g. a read) is a 503 too
        for (String state : org.tongpao.core.persistence.Sql.TRANSIENT_LOCK_STATES) {
            var raw = new org.tongpao.core.persistence.DataAccessException("Transaction failed",
                    new java.sql.SQLException("lock", state));
            Problem q = map(raw);
            assertThat(q.status()).as(state).isEqualTo(503);
            assertThat(ProblemMapping.retryAfter(raw, q)).isEqualTo(1);
        }
    }

    @Test
    void aKeyInProgressIs409WithRetryAfter() throws Exception {
        var inProgress = new org.tongpao.core.persistence.IdempotencyKeyInProgressException("k-1", 2);
        Problem p = map(inProgress);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.detail()).contains("k-1").contains("in progress");
        assertThat(ProblemMapping.retryAfter(inProgress, p)).isEqualTo(2);
        assertThat(ProblemMapping.retryAfter(new ConflictException("x"), map(new ConflictException("x")))).isNull();
    }

    @Test
    void unexpectedIs500WithoutDetails() throws Exception {
        JsonNode b = body(map(new IllegalStateException("password=hunter2 in org.tongpao.secret.Dao")));
        assertThat(b.get("status").asInt()).isEqualTo(500);
        assertThat(b.toString()).doesNotContain("hunter2").doesNotContain("Dao");
        assertThat(b.get("detail").asText()).contains("rid-1");
    }

    @Test
    void constraintViolationsNameTheJsonField() throws Exception {
        Validator v = Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory()
                .getValidator();
        Item item = new Item();
        item.code = " ";
        Line line = new Line();
        line.quantity = 0;
        item.lines = List.of(line);
        Method m = Resource.class.getMethod("create", Item.class);
        Set<ConstraintViolation<Resource>> violations = v.forExecutables()
                .validateParameters(new Resource(), m, new Object[] {item});
        assertThat(violations).extracting(cv -> cv.getPropertyPath().toString())
                .contains("create.arg0.code");

        JsonNode b = body(map(new ConstraintViolationException(violations)));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("field").asText()).isEqualTo("code");
        assertThat(b.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("code", "lines[0].quantity");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        Exception e = readFails("{\"code\": ");
        JsonNode b = body(map(e));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("type").asText()).isEqualTo("urn:tongpao:problem:malformed-json");
        assertThat(b.get("detail").asText()).startsWith("malformed JSON");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        JsonNode b = body(map(readFails("{\"code\":\"A\",\"shelfLifeMonths\":\"twelve\"}")));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("field").asText()).isEqualTo("shelfLifeMonths");
        assertThat(b.get("detail").asText()).isEqualTo("'shelfLifeMonths' must be a number");

        JsonNode nested = body(map(readFails("{\"lines\":[{\"quantity\":true}]}")));
        assertThat(nested.get("field").asText()).isEqualTo("lines[0].quantity");

        JsonNode date = body(map(readFails("{\"expires\":\"tomorrow\"}")));
        assertThat(date.get("field").asText()).isEqualTo("expires");
        assertThat(date.get("detail").asText()).contains("ISO-8601");
    }

    @Test
    void nullForPrimitiveNamesTheField() throws Exception {
        JsonNode b = body(map(readFails("{\"shelfLifeMonths\":null}")));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("field").asText()).isEqualTo("shelfLifeMonths");
    }

    @Test
    void unknownPropertyNamesIt() throws Exception {
        JsonNode b = body(map(readFails("{\"code\":\"A\",\"colour\":\"red\"}")));
        assertThat(b.get("status").asInt()).isEqualTo(400);
        assertThat(b.get("field").asText()).isEqualTo("colour");
        assertThat(b.get("detail").asText()).isEqualTo("unknown property 'colour'");
    }

    @Test
    void webApplicationExceptionsKeepTheirStatus() throws Exception {
        JsonNode notAllowed = body(map(new NotAllowedException("GET")));
        assertThat(notAllowed.get("status").asInt()).isEqualTo(405);
        assertThat(notAllowed.get("type").asText()).isEqualTo("urn:tongpao:problem:method-not-allowed");
        assertThat(body(map(new NotSupportedException())).get("status").asInt()).isEqualTo(415);
        assertThat(body(map(new javax.ws.rs.NotFoundException())).get("status").asInt()).isEqualTo(404);
        assertThat(body(map(new PayloadTooLargeException(10))).get("status").asInt()).isEqualTo(413);
        // Jackson wraps what the counted stream throws in the middle of a value; CXF may wrap that again
        JsonNode wrapped = body(map(new javax.ws.rs.BadRequestException(new com.fasterxml.jackson.databind
                .JsonMappingException(null, "x", new PayloadTooLargeException(10)))));
        assertThat(wrapped.get("status").asInt()).isEqualTo(413);
        assertThat(wrapped.get("detail").asText()).isEqualTo("request body exceeds 10 bytes");
        JsonNode empty = body(map(new javax.ws.rs.BadRequestException(new javax.ws.rs.core.NoContentException("x"))));
        assertThat(empty.get("type").asText()).isEqualTo("urn:tongpao:problem:malformed-json");
        assertThat(body(map(new javax.ws.rs.WebApplicationException(Response.Status.SERVICE_UNAVAILABLE)))
                .get("status").asInt()).isEqualTo(503);
    }

    private static Exception readFails(String json) {
        try {
            JSON.readValue(json, Item.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure for " + json);
    }
}
