package org.tongpao.allocation;

import java.util.List;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/**
 * What to plan: the open needs for one item or one category (exactly one), in one province or
 * nationally ({@code provinceCode} null; a province officer's plan is always its own province), taking
 * from {@code sourceDepotIds} in the given order when given, else nearest first.
 */
public record PlanRequest(Long itemId,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}") String categoryCode,
        @Pattern(regexp = "[0-9]{2}") String provinceCode,
        @Size(max = 1000) List<Long> sourceDepotIds,
        @Size(max = 500) String note) {
}
