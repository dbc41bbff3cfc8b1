package org.tongpao.allocation;

/**
 * One proposed movement: {@code quantity} of {@code itemId} from {@code fromDepotId} to the need's
 * receiving depot. {@code reason} says why the need got its place; {@code distance} is the org-tree
 * distance between the depot's owner and the needing unit (-1 for a named source or the central reserve).
 */
public record PlanLine(int lineNo, long needId, int rank, long itemId, long fromDepotId, long toDepotId,
        long quantity, int distance, String reason) {
}
