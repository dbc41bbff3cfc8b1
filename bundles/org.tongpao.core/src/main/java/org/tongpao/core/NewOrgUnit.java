package org.tongpao.core;

import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

/**
 * Request to create an org unit. {@code provinceCode} is required for a {@link OrgLevel#PROVINCE}
 * unit; below that it is derived from the parent (when given it must match). {@code frontLine}
 * defaults to false.
 */
public record NewOrgUnit(
        @NotBlank @Pattern(regexp = Codes.REGEX) String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameZh,
        @NotNull OrgLevel level,
        Long parentId,
        @Pattern(regexp = "[0-9]{2}") String provinceCode,
        Boolean frontLine) {
}
