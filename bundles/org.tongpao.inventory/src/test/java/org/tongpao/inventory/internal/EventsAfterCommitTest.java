package org.tongpao.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongpao.inventory.internal.Fixture.ADMIN;
import static org.tongpao.inventory.internal.Fixture.TODAY;

import org.junit.jupiter.api.Test;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.IdempotencyKeys.Ref;
import org.tongpao.inventory.InventoryTopics;
import org.tongpao.inventory.NewIssue;

/** The inventory's events go through core's outbox: recorded in the write's transaction, posted after commit. */
class EventsAfterCommitTest extends WithFixture {
    @Test
    void aWriteThatRollsBackAfterRecordingAnEventPublishesNothing() {
        Ledger ledger = f.ledger();
        assertThatThrownBy(() -> ledger.write(ADMIN, null, "inventory.test", null, tx -> {
            ledger.events.movement(tx, 1, "issue", f.wuhan);
            throw new ConflictException("refused after the event was recorded");
        })).isInstanceOf(ConflictException.class);
        assertThat(f.events(InventoryTopics.MOVEMENT)).isEmpty();
        assertThat(f.unpublished()).isZero();

        ledger.write(ADMIN, null, "inventory.test", null, tx -> {
            ledger.events.movement(tx, 1, "issue", f.wuhan);
            return new Ref("posting", "1");
        });
        assertThat(f.events(InventoryTopics.MOVEMENT)).singleElement()
                .satisfies(e -> assertThat(e.getProperty("actor")).isEqualTo("admin"));
        assertThat(f.unpublished()).isZero();
    }

    @Test
    void aRefusedIssuePublishesNothingAndAnIssuedOneItsMovement() {
        f.receive(f.wuhan, f.kn95, 5, TODAY.plusYears(1));
        int before = f.events(InventoryTopics.MOVEMENT).size();
        assertThatThrownBy(() -> f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95)
                .quantity(6L).orgUnitId(f.station).build(), null)).isInstanceOf(ConflictException.class);
        assertThat(f.events(InventoryTopics.MOVEMENT)).hasSize(before);
        long posting = f.inventory.issue(ADMIN, NewIssue.builder().depotId(f.wuhan).itemId(f.kn95).quantity(5L)
                .orgUnitId(f.station).build(),
                null).id();
        assertThat(f.events(InventoryTopics.MOVEMENT)).hasSize(before + 1).last()
                .satisfies(e -> assertThat(e.getProperty("postingId")).isEqualTo(posting));
        assertThat(f.unpublished()).isZero();
    }
}
