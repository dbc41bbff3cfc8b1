package org.tongpao.procurement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongpao.procurement.api.ProgressEvent;
import org.tongpao.procurement.api.ProgressSink;
import org.tongpao.procurement.api.ProgressStatus;

/** The fake runtime as the ProgressSink: its own channel only, repeats ignored, a bounded batch, waiting without polling. */
class FakeProcurementSinkTest {

    @Test
    void recordsNewEventsIgnoresRepeatsAndRefusesOtherChannels() {
        try (FakeProcurement tongpao = new FakeProcurement("masks", new InMemoryChannel())) {
            ProgressEvent confirmed = ProgressEvent.of("E-1", "IM-1", ProgressStatus.CONFIRMED, Instant.now());
            assertThat(tongpao.publish("masks", List.of(confirmed))).isEqualTo(1);
            assertThat(tongpao.publish("masks", List.of(confirmed))).isZero();
            assertThat(tongpao.pushedEvents()).containsExactly(confirmed);
            assertThatThrownBy(() -> tongpao.publish("other", List.of(confirmed)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registered only channel masks");
            List<ProgressEvent> tooMany = Collections.nCopies(ProgressSink.MAX_EVENTS + 1, confirmed);
            assertThatThrownBy(() -> tongpao.publish("masks", tooMany)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void awaitPushedReturnsAnEventPushedFromAnotherThreadOrFailsInTime() throws Exception {
        try (FakeProcurement tongpao = new FakeProcurement("masks", new InMemoryChannel())) {
            Thread pusher = new Thread(() -> tongpao.publish("masks",
                    List.of(ProgressEvent.of("E-2", "IM-2", ProgressStatus.SHIPPED, Instant.now()))));
            pusher.start();
            assertThat(tongpao.awaitPushed("IM-2", ProgressStatus.SHIPPED, Duration.ofSeconds(5)).eventId())
                    .isEqualTo("E-2");
            pusher.join();
            assertThatThrownBy(() -> tongpao.awaitPushed("IM-2", ProgressStatus.DELIVERED, Duration.ofMillis(50)))
                    .isInstanceOf(ContractViolation.class).hasMessageContaining("pushed so far: [SHIPPED]");
        }
    }
}
