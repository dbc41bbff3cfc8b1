package org.tongpao.donation;

import javax.validation.constraints.NotNull;

/**
 * Where the donor asked the goods to go; a donation without one carries null. {@code provinceCode} for PROVINCE,
 * {@code orgUnitId} for ORG_UNIT, neither for FRONT_LINE. {@code orgUnitCode} and {@code label} (Chinese and
 * English, e.g. "湖北省 Hubei") are filled in on answers and ignored in requests.
 */
public record DonorDesignation(@NotNull DesignationKind kind, String provinceCode, Long orgUnitId, String orgUnitCode,
        String label) {
}
