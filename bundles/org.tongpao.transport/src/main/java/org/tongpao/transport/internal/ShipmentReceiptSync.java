package org.tongpao.transport.internal;

import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.spi.BatchReceiptListener;
import org.tongpao.core.Caller;

/**
 * Receives the shipment that carried batch lines confirmed through the batch's own endpoint, so one
 * receipt updates both. The listener is registered by hand once transport is up: as a DS service the
 * allocation service, binding it while it activates, would wait on transport, which waits on allocation.
 */
@Component(immediate = true, service = {})
public class ShipmentReceiptSync implements BatchReceiptListener {
    private final JdbcTransportService transport;
    private final ServiceRegistration<BatchReceiptListener> registration;

    @Activate
    public ShipmentReceiptSync(@Reference JdbcTransportService transport, BundleContext context) {
        this.transport = transport;
        this.registration = context.registerService(BatchReceiptListener.class, this, new Hashtable<>());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    @Override
    public void linesReceived(Caller caller, Batch batch, List<BatchLine> received) {
        transport.linesReceived(caller, batch, received);
    }
}
