package org.tongpao.allocation.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.Batch;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.DepotService;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ScopeRules;

/** Who may read and write plans, batches and offers (the scope table of the README). */
final class AllocationScope {
    private static final Logger LOG = LoggerFactory.getLogger(AllocationScope.class);

    private final DepotService depots;

    AllocationScope(DepotService depots) {
        this.depots = depots;
    }

    static void requireReader(Caller caller) {
        if (ScopeRules.readReach(caller) == ScopeRules.Reach.NONE) {
            throw new AccessDeniedException("The caller's role may not read allocations");
        }
    }

    /** Plans and offers are province-level decisions: no depot-level reach. */
    static void requirePlanReader(Caller caller) {
        ScopeRules.Reach reach = ScopeRules.readReach(caller);
        if (reach != ScopeRules.Reach.ALL && reach != ScopeRules.Reach.PROVINCE) {
            throw new AccessDeniedException("The caller's role may not read allocation plans or offers");
        }
    }

    static void requireWriter(Caller caller, String what) {
        ScopeRules.requireScopedWriter(caller, what);
    }

    /** Province-bound data visible when either province is the caller's (null = national: ministry and auditors). */
    static boolean canSee(Caller caller, String province, String otherProvince) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(province) || caller.provinceCode().equals(otherProvince);
            default -> false;
        };
    }

    boolean canSeeBatch(Caller caller, Batch b) {
        return switch (ScopeRules.readReach(caller)) {
            case ALL -> true;
            case PROVINCE -> caller.provinceCode().equals(b.provinceCode())
                    || caller.provinceCode().equals(b.fromProvinceCode());
            case DEPOT -> depotOfCaller(caller).map(d -> b.lines().stream()
                    .anyMatch(l -> l.toDepotId() == d || l.fromDepotId() == d)).orElse(false);
            case NONE -> false;
        };
    }

    Optional<Long> depotOfCaller(Caller caller) {
        if (caller.depotCode() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(depots.getByCode(Caller.system(caller.requestId()), caller.depotCode()).id());
        } catch (NotFoundException e) {
            LOG.debug("Depot {} of caller {} does not exist", caller.depotCode(), caller.user());
            return Optional.empty();
        }
    }
}
