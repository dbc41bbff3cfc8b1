package org.tongpao.donation;

import javax.validation.constraints.NotNull;
import javax.validation.constraints.Positive;
import javax.validation.constraints.Size;

/** One pledged line: a catalogue item, or a free description (e.g. "N95 masks, 3M 1860") matched to one later. */
public record NewPledgeLine(Long itemId, @Size(max = 300) String description, @NotNull @Positive Long quantity) {
}
