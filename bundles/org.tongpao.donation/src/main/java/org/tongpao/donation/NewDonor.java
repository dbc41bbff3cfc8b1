package org.tongpao.donation;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * A donor to register. {@code anonymous} (default false): the donor asks to be shown as an anonymous donor in public answers.
 * {@code country} (ISO 3166 alpha-2) is required for an overseas donor. {@code provinceCode}: the desk's province
 * (a province's donation officer always registers for its own; the ministry's may name one or none).
 */
public record NewDonor(@NotNull DonorKind kind, @NotBlank @Size(max = 200) String name, String country,
        String provinceCode, Boolean anonymous, DonorContact contact) {
}
