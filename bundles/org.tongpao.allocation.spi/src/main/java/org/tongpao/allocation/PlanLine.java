package org.tongpao.allocation;

/**
 * One proposed movement: {@code quantity} of {@code itemId} from {@code fromDepotId} to the need's
 * receiving depot. {@code reason} says why the need got its place; {@code distance} is the org-tree
 * distance between the depot's owner and the needing unit (-1 for a named source or the central reserve).
 * {@code toOrgUnitId} (1.4) is the needing unit itself when its need asks for delivery to the unit
 * ({@code Need.deliverToUnit}); then {@code toDepotId} is 0.
 */
public record PlanLine(int lineNo, long needId, int rank, long itemId, long fromDepotId, long toDepotId,
        long quantity, int distance, String reason, Long toOrgUnitId) {

    /** The 1.3 form: a line to a depot. */
    public PlanLine(int lineNo, long needId, int rank, long itemId, long fromDepotId, long toDepotId,
            long quantity, int distance, String reason) {
        this(lineNo, needId, rank, itemId, fromDepotId, toDepotId, quantity, distance, reason, null);
    }
}
