package org.tongpao.donation;

import java.time.LocalDate;
import java.util.List;
import javax.validation.Valid;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

/**
 * A delivery of donated goods into a depot. Against a pledge ({@code POST /donations/{id}/receipts})
 * {@code donorId}, {@code provinceCode} and {@code designation} are left out; unpledged goods
 * ({@code POST /donations/receipts}) name the donor and may carry a designation.
 */
public record NewDonationReceipt(@NotNull Long depotId, LocalDate receivedOn, @Size(max = 100) String deliveryNote,
        @Size(max = 500) String note, Long donorId, @Valid DonorDesignation designation,
        @NotNull @Size(min = 1, max = 200) @Valid List<NewReceiptLine> lines) {
}
