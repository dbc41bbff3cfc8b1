package org.tongpao.allocation.spi;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.core.Caller;

/**
 * Told, synchronously and after the receipt committed, which batch lines a receiving depot just confirmed,
 * whichever way the receipt came (the batch's endpoint or a shipment's). Transport registers one so the
 * shipment carrying the lines is received with them. A listener that throws is logged; the receipt stands.
 *
 * @since 1.1
 */
@ConsumerType
public interface BatchReceiptListener {

    /** {@code batch} as it is after the receipt; {@code received} the lines this receipt confirmed. */
    void linesReceived(Caller caller, Batch batch, List<BatchLine> received);
}
