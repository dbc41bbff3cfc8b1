package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A posting as the node that keeps the depot's ledger recorded it, to apply to a replica
 * ({@link ReplicaLedger}). Records are named by code (depot, item) and by the origin node's own ids (posting,
 * lots), never by the receiving node's ids.
 *
 * @param node       the node that keeps the depot's ledger and made the posting, e.g. {@code province:42}
 * @param postingId  the posting's id on {@code node}; null for a change without movements (a lot's status)
 * @param part       which part of the posting this is, from 1 (a posting of many movements travels in parts)
 * @param parts      how many parts the posting has
 * @param operation  the posting's operation ({@code receipt}, {@code issue}, {@code transfer-out}, ...,
 *                   {@code lot-status})
 * @param depotCode  the depot's code
 * @param occurredAt when the posting was made on {@code node}
 * @param actor      who made it there
 * @param lots       the lots the movements name (and, for a status change, the changed lot), as they are now
 * @param movements  the posting's movements (of this part)
 * @param sequence   where this change stands among {@code node}'s changes, higher is later (federation: the number
 *                   of the message id, {@code node}'s outbox sequence; null: unknown, taken as the newest): a lot's
 *                   {@link ReplicaLot#reserved} applies only over an older one (1.11)
 * @since 1.4
 */
public record ReplicaPosting(String node, Long postingId, int part, int parts, String operation, String depotCode,
        Instant occurredAt, String actor, List<ReplicaLot> lots, List<ReplicaMovement> movements, Long sequence) {

    public ReplicaPosting {
        lots = lots == null ? List.of() : List.copyOf(lots);
        movements = movements == null ? List.of() : List.copyOf(movements);
    }

    /** The 1.4 posting, without a sequence (kept so that callers compiled against 1.4–1.10 still link). */
    public ReplicaPosting(String node, Long postingId, int part, int parts, String operation, String depotCode,
            Instant occurredAt, String actor, List<ReplicaLot> lots, List<ReplicaMovement> movements) {
        this(node, postingId, part, parts, operation, depotCode, occurredAt, actor, lots, movements, null);
    }

    /** A builder, so that a component added later stays a minor change; {@code part} and {@code parts} are 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReplicaPosting}. */
    public static final class Builder {
        private String node;
        private Long postingId;
        private int part = 1;
        private int parts = 1;
        private String operation;
        private String depotCode;
        private Instant occurredAt;
        private String actor;
        private List<ReplicaLot> lots = List.of();
        private List<ReplicaMovement> movements = List.of();
        private Long sequence;

        private Builder() {
        }

        public Builder node(String node) { this.node = node; return this; }
        public Builder postingId(Long postingId) { this.postingId = postingId; return this; }
        public Builder part(int part) { this.part = part; return this; }
        public Builder parts(int parts) { this.parts = parts; return this; }
        public Builder operation(String operation) { this.operation = operation; return this; }
        public Builder depotCode(String depotCode) { this.depotCode = depotCode; return this; }
        public Builder occurredAt(Instant occurredAt) { this.occurredAt = occurredAt; return this; }
        public Builder actor(String actor) { this.actor = actor; return this; }
        public Builder lots(List<ReplicaLot> lots) { this.lots = lots; return this; }
        public Builder movements(List<ReplicaMovement> movements) { this.movements = movements; return this; }

        /** @since 1.11 */
        public Builder sequence(Long sequence) { this.sequence = sequence; return this; }

        public ReplicaPosting build() {
            return new ReplicaPosting(node, postingId, part, parts, operation, depotCode, occurredAt, actor, lots,
                    movements, sequence);
        }
    }
}
