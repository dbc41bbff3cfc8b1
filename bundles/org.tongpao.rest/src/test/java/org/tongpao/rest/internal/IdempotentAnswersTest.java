package org.tongpao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.core.rest.AnsweredInOneCommit;

/**
 * The filter over a real CXF server: a write's first answer (success or refusal) is what every repeat gets,
 * byte for byte, marked replayed; a key the service did not honour, and a 5xx, are left alone. The key store
 * is an in-memory stand-in (core's JDBC one has its own tests; the container test runs both together).
 */
class IdempotentAnswersTest {
    private static final Authenticator USERS = (user, password) -> Optional.of(
            new Authenticator.Identity(user, Set.of("ministry-admin")));
    private static final MemoryKeys KEYS = new MemoryKeys();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final EndpointSwitch ENDPOINT = new EndpointSwitch();
    private static Bus bus;
    private static String base;

    /** Answers that change on every call, so a stored answer is told from a new one. */
    @Path("writes")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Writes {
        @POST
        @Path("created")
        @AnsweredInOneCommit
        public Response created(@Context Caller caller, @HeaderParam("Idempotency-Key") String key) {
            int n = COUNTER.incrementAndGet();
            KEYS.use(caller, key);
            return Response.status(201).header("Location", base + "/writes/" + n).entity(Map.of("n", n)).build();
        }

        @POST
        @Path("refused")
        @AnsweredInOneCommit
        public Response refused(@Context Caller caller, @HeaderParam("Idempotency-Key") String key) {
            KEYS.use(caller, key);
            throw new ConflictException("refused as call " + COUNTER.incrementAndGet());
        }

        @POST
        @Path("broken")
        @AnsweredInOneCommit
        public Response broken(@Context Caller caller, @HeaderParam("Idempotency-Key") String key) {
            KEYS.use(caller, key);
            throw new IllegalStateException("call " + COUNTER.incrementAndGet());
        }

        /** Not {@link AnsweredInOneCommit}: a saga that may call out mid-way keeps its own transactions. */
        @POST
        @Path("created-apart")
        public Response createdApart(@Context Caller caller, @HeaderParam("Idempotency-Key") String key) {
            return created(caller, key);
        }

        @POST
        @Path("ignores-keys")
        public Map<String, Integer> ignoresKeys() {
            return Map.of("n", COUNTER.incrementAndGet());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        base = HttpTests.freshBase();
        bus = BusFactory.newInstance().createBus();
        ServerFactory factory = new ServerFactory(bus, USERS);
        ENDPOINT.switchTo(factory.create(new ServerFactory.Settings(base, "tongpao", 4096, "1.0.0", "/v1/openapi.json"),
                List.of(new Writes()), List.of(new IdempotentAnswers(KEYS))));
    }

    @AfterAll
    static void stop() {
        HttpTests.stop(ENDPOINT, bus);
    }

    private static HttpResponse<String> post(String path, String user, String key) throws Exception {
        HttpRequest.Builder b = HttpTests.request(base, path, user).POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatGetsTheFirstCreatedAnswerMarkedReplayed() throws Exception {
        HttpResponse<String> first = post("/writes/created", "admin", "c-1");
        HttpResponse<String> again = post("/writes/created", "admin", "c-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.headers().firstValue("X-Request-Id")).isNotEqualTo(first.headers().firstValue("X-Request-Id"));
    }

    @Test
    void aCreatedAnswerIsKeptWithTheWriteAndSentAsKept() throws Exception {
        HttpResponse<String> first = post("/writes/created", "admin", "w-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(KEYS.storedInCall).contains("admin\nw-1");
        IdempotencyKeys.Answer kept = KEYS.answers.get("admin\nw-1");
        assertThat(first.body()).isEqualTo(kept.body());
        assertThat(first.headers().firstValue("Location")).contains(kept.location());
        assertThat(kept.contentType()).startsWith("application/json");
        assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        // a refusal has no Response to keep in the call: the filter keeps it after the commit, as before
        post("/writes/refused", "admin", "w-2");
        assertThat(KEYS.storedInCall).doesNotContain("admin\nw-2");
        assertThat(KEYS.answers).containsKey("admin\nw-2");
    }

    @Test
    void anOperationNotAnsweredInOneCommitHasItsAnswerKeptAfterItsOwnCommit() throws Exception {
        HttpResponse<String> first = post("/writes/created-apart", "admin", "a-1");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(KEYS.storedInCall).doesNotContain("admin\na-1");
        assertThat(KEYS.answers.get("admin\na-1").body()).isEqualTo(first.body());
        HttpResponse<String> again = post("/writes/created-apart", "admin", "a-1");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aRepeatGetsTheFirstRefusalWithItsRequestId() throws Exception {
        HttpResponse<String> first = post("/writes/refused", "admin", "r-1");
        HttpResponse<String> again = post("/writes/refused", "admin", "r-1");
        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aServerErrorIsNeverKept() throws Exception {
        HttpResponse<String> first = post("/writes/broken", "admin", "b-1");
        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(KEYS.answers).doesNotContainKey("admin\nb-1");
    }

    @Test
    void keysArePerUserAndNeededAndHonoured() throws Exception {
        HttpResponse<String> admins = post("/writes/created", "admin", "u-1");
        HttpResponse<String> officers = post("/writes/created", "officer", "u-1");
        assertThat(officers.body()).isNotEqualTo(admins.body());
        assertThat(officers.headers().firstValue("Idempotent-Replayed")).isEmpty();
        // no key, or a resource that did not use it: every call is answered anew
        assertThat(post("/writes/created", "admin", null).body()).isNotEqualTo(post("/writes/created", "admin", null)
                .body());
        assertThat(post("/writes/ignores-keys", "admin", "i-1").body()).isNotEqualTo(
                post("/writes/ignores-keys", "admin", "i-1").body());
    }

    /** Keys as the services would use them, in memory: the first use of a key runs, later ones repeat. */
    static final class MemoryKeys implements IdempotencyKeys {
        final Map<String, Answer> answers = new ConcurrentHashMap<>();
        final Set<String> storedInCall = ConcurrentHashMap.newKeySet();
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final ThreadLocal<List<Use>> uses = ThreadLocal.withInitial(ArrayList::new);

        void use(Caller caller, String key) {
            if (key != null) {
                uses.get().add(new Use(caller.user(), key, !seen.add(caller.user() + "\n" + key)));
            }
        }

        @Override
        public List<Use> takeUses() {
            List<Use> taken = List.copyOf(uses.get());
            uses.get().clear();
            return taken;
        }

        @Override
        public Optional<Answer> answer(Caller caller, String key, Answer candidate) {
            String id = caller.user() + "\n" + key;
            if (candidate != null) {
                answers.putIfAbsent(id, candidate);
            }
            return Optional.ofNullable(answers.get(id));
        }

        /** As the JDBC store does in the write's own transaction: the answer kept when the call ran the key. */
        @Override
        public <T> Answered<T> answered(Caller caller, String key, String what, Call<T> call,
                java.util.function.Function<T, Answer> answer) throws Exception {
            T result = call.call();
            List<Use> mine = uses.get().stream().filter(u -> u.actor().equals(caller.user()) && u.key().equals(key))
                    .toList();
            if (mine.isEmpty() || mine.get(mine.size() - 1).repeat()) {
                return new Answered<>(result, null);
            }
            Answer candidate = answer.apply(result);
            if (candidate == null) {
                return new Answered<>(result, null);
            }
            String id = caller.user() + "\n" + key;
            answers.putIfAbsent(id, candidate);
            storedInCall.add(id);
            return new Answered<>(result, answers.get(id));
        }

        @Override
        public Outcome execute(DataSource ds, Caller caller, String key, String operation, Object request,
                Transactions.Work<Ref> write) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Claim begin(DataSource ds, Caller caller, String key, String operation, Object request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int forgetAnswers(java.sql.Connection c, String entity, java.util.Collection<String> ids) {
            throw new UnsupportedOperationException();
        }
    }
}
