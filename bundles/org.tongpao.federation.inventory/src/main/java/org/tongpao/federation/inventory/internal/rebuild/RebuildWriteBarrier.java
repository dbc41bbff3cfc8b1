package org.tongpao.federation.inventory.internal.rebuild;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tongpao.core.ConflictException;
import org.tongpao.core.rest.JaxRs;

/**
 * While this provincial node is being rebuilt, ordinary writes through the REST API answer 409: a write made on a
 * half-restored ledger would meet lots that are not there yet, and its posting would reach central ahead of the
 * state it builds on. Reads still answer (showing what is restored so far); the rebuild's own calls pass. Writes
 * from the console or from central's messages are not stopped here (see docs/federation.md).
 */
@Component(service = ContainerRequestFilter.class, property = JaxRs.EXTENSION)
@Provider
@Priority(Priorities.USER)
public class RebuildWriteBarrier implements ContainerRequestFilter {

    @Reference
    Rebuilder rebuilder;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!rebuilder.refusingWrites() || isRead(request.getMethod())
                || request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("federation/")) {
            return;
        }
        throw new ConflictException("this node is being rebuilt from central (GET /federation/rebuild shows how far);"
                + " writes are refused until it has finished");
    }

    static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
