package org.tongpao.procurement;

import javax.validation.constraints.Size;

/** A supplier's contact person: personal data, returned to procurement roles only (null for everyone else). */
public record SupplierContact(@Size(max = 100) String name, @Size(max = 40) String phone,
        @Size(max = 200) String email) {
}
