package org.tongpao.itests.bench;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.tongpao.reporting.CoverReport;
import org.tongpao.reporting.StockReport;

/**
 * The stock and cover reports as computed once and kept: what answering them costs with no database and no report
 * assembly at all (authentication, CXF, Jackson writing the same ~17 KB, Jetty), the ceiling of {@code /reports/*}
 * on the same server. Registered at run time like {@link HelloResource}; bench-only.
 */
@Path("bench/kept")
public class KeptReportResource {
    private final StockReport stock;
    private final CoverReport cover;

    KeptReportResource(StockReport stock, CoverReport cover) {
        this.stock = stock;
        this.cover = cover;
    }

    @GET
    @Path("stock")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ministry-admin", "ministry-officer", "province-officer", "auditor"})
    public StockReport stock() {
        return stock;
    }

    @GET
    @Path("cover")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ministry-admin", "ministry-officer", "province-officer", "auditor"})
    public CoverReport cover() {
        return cover;
    }
}
