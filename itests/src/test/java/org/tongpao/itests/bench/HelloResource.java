package org.tongpao.itests.bench;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * The baseline for read throughput: the smallest authenticated endpoint on the same server, same filters,
 * registered at run time the way any bundle (a partner's too) adds REST: a service with osgi.jaxrs.resource.
 */
@Path("bench/hello")
public class HelloResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ministry-admin", "ministry-officer", "province-officer", "auditor"})
    public String hello() {
        return "{\"hello\":\"world\"}";
    }
}
