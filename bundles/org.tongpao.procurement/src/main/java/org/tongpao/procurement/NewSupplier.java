package org.tongpao.procurement;

import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Size;

/**
 * A supplier to register. A province's buyer registers its province's suppliers ({@code provinceCode} is its own,
 * or left out); the ministry's are national unless a province is named. {@code country} is ISO 3166 alpha-2.
 */
public record NewSupplier(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 2, max = 2) String country, String provinceCode, @Valid SupplierContact contact,
        @Valid @Size(max = 200) List<Qualification> qualifications) {
}
