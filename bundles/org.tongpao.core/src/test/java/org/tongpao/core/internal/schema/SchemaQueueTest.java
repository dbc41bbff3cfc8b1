package org.tongpao.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extender's ordering: a schema migrates once every schema it requires is ready. */
class SchemaQueueTest {
    private final SchemaQueue<String> queue = new SchemaQueue<>();

    private static SchemaDeclaration schema(String name, String... requires) {
        return new SchemaDeclaration(name, "m/" + name, "h_" + name, List.of(requires));
    }

    /** What the extender does: migrate whatever may run, in turn, marking each ready. */
    private List<String> drain() {
        List<String> ran = new ArrayList<>();
        for (Optional<SchemaQueue.Entry<String>> e = queue.next(); e.isPresent(); e = queue.next()) {
            ran.add(e.get().name());
            queue.ready(e.get().name());
        }
        return ran;
    }

    @Test
    void dependentsDeclaredFirstWaitForWhatTheyRequire() {
        queue.declare(schema("allocation", "core", "inventory"), "allocation.jar");
        queue.declare(schema("inventory", "core"), "inventory.jar");
        assertThat(drain()).isEmpty();
        assertThat(queue.waiting()).extracting(SchemaQueue.Entry::name).containsExactly("allocation", "inventory");
        assertThat(queue.missing(queue.waiting().get(0))).containsExactly("core", "inventory");

        queue.declare(schema("core"), "core.jar");
        assertThat(drain()).containsExactly("core", "inventory", "allocation");
    }

    @Test
    void runsInDependencyOrder() {
        queue.declare(schema("core"), "core.jar");
        queue.declare(schema("transport", "core", "inventory"), "transport.jar");
        queue.declare(schema("inventory", "core"), "inventory.jar");
        List<String> ran = drain();
        assertThat(ran).containsExactly("core", "inventory", "transport");
        assertThat(queue.waiting()).isEmpty();
    }

    @Test
    void aFailedSchemaIsNotRetriedAndItsDependentsWait() {
        queue.declare(schema("core"), "core.jar");
        queue.declare(schema("inventory", "core"), "inventory.jar");
        SchemaQueue.Entry<String> core = queue.next().orElseThrow();
        queue.failed(core.name());
        assertThat(queue.next()).isEmpty();
        assertThat(queue.waiting()).extracting(SchemaQueue.Entry::name).containsExactly("inventory");
    }

    @Test
    void aMissingRequirementWaitsAndACycleNeverRuns() {
        queue.declare(schema("a", "b"), "a.jar");
        queue.declare(schema("b", "a"), "b.jar");
        queue.declare(schema("c", "nowhere"), "c.jar");
        assertThat(drain()).isEmpty();
        assertThat(queue.waiting()).hasSize(3);
    }

    @Test
    void aSecondDeclarationOfTheSameNameIsRefused() {
        assertThat(queue.declare(schema("core"), "core.jar")).isEmpty();
        assertThat(queue.declare(schema("core"), "impostor.jar")).contains("core.jar");
        assertThat(drain()).containsExactly("core");
    }

    @Test
    void withdrawingABundleForgetsItsSchemaSoARestartMigratesAgain() {
        queue.declare(schema("core"), "core.jar");
        queue.declare(schema("inventory", "core"), "inventory.jar");
        drain();
        assertThat(queue.withdraw("inventory.jar")).extracting(SchemaQueue.Entry::name).containsExactly("inventory");
        assertThat(queue.isReady("inventory")).isFalse();
        assertThat(queue.isReady("core")).isTrue();
        queue.declare(schema("inventory", "core"), "inventory.jar");
        assertThat(drain()).containsExactly("inventory");
    }
}
