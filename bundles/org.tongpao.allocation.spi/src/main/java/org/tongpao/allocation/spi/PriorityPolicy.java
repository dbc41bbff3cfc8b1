package org.tongpao.allocation.spi;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Orders open needs for allocation. Register as an OSGi service with {@value #NAME_PROPERTY} (and
 * optionally {@code service.ranking}). Implementations must return every given need exactly once, ranks
 * 1..n in order, and be deterministic for the same input; the planner checks this and refuses a policy
 * that does not.
 */
@ConsumerType
public interface PriorityPolicy {

    /** Service property naming the policy, e.g. {@code default}. */
    String NAME_PROPERTY = "tongpao.policy.name";

    List<RankedNeed> rank(List<NeedView> needs, Instant now);
}
