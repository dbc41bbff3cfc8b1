package org.tongpao.donation;

import javax.validation.constraints.Size;

/**
 * How to reach a donor: personal data, kept minimal (each part optional), returned to donation officers only and
 * wiped by an erasure.
 */
public record DonorContact(@Size(max = 100) String name, @Size(max = 40) String phone, @Size(max = 200) String email,
        @Size(max = 300) String address) {
}
