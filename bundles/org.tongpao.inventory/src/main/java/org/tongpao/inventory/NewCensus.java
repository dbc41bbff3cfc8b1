package org.tongpao.inventory;

import java.time.Instant;
import java.util.List;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotEmpty;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/** The ministry asks every province to report its reserves of these categories by the deadline. */
public record NewCensus(
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 50) List<@NotBlank String> categories,
        @NotNull Instant deadline) {
}
