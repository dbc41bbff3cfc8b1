package org.tongpao.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.ValidationException;
import org.tongpao.core.rest.BodyLimit;
import org.tongpao.core.rest.Created;

/** Resources as a colleague would write them, used by the in-process HTTP test. */
final class TestResources {
    static final long BULK_LIMIT = 3 * 2048;
    private TestResources() {
    }

    public static class Item {
        @NotBlank
        public String code;
        public int shelfLifeMonths;
        public LocalDate expires;
        public String createdBy;
    }

    @Path("items")
    @RolesAllowed({"ministry-admin", "province-officer"})
    public static class Items {

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Item create(@Valid @NotNull Item item, @Context Caller caller) {
            item.createdBy = caller.user() + "@" + caller.provinceCode();
            return item;
        }

        /** Counts a streamed body: its own limit, three times the server's. */
        @POST
        @Path("bulk")
        @Consumes("text/csv")
        @Produces(MediaType.APPLICATION_JSON)
        @BodyLimit(value = "bulk", bytes = BULK_LIMIT)
        public Map<String, Object> bulk(InputStream body) throws IOException {
            return Map.of("bytes", body.transferTo(OutputStream.nullOutputStream()));
        }

        @GET
        @Path("me")
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> me(@Context Caller caller, @Context SecurityContext security) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", caller.user());
            m.put("province", caller.provinceCode());
            m.put("requestId", caller.requestId());
            m.put("isOfficer", security.isUserInRole("province-officer"));
            m.put("principal", security.getUserPrincipal().getName());
            return m;
        }

        @GET
        @Path("admin-only")
        @RolesAllowed("ministry-admin")
        @Produces(MediaType.TEXT_PLAIN)
        public String adminOnly() {
            return "ok";
        }

        @GET
        @Path("public")
        @PermitAll
        @io.swagger.v3.oas.annotations.security.SecurityRequirements
        @Produces(MediaType.TEXT_PLAIN)
        public String open(@Context Caller caller) {
            return caller == null ? "anonymous" : caller.user();
        }

        @GET
        @Path("missing/{code}")
        public String missing(@PathParam("code") String code) {
            throw new NotFoundException("item", code);
        }

        @GET
        @Path("conflict")
        public String conflict() {
            throw new ConflictException("code KN95 is taken");
        }

        @GET
        @Path("invalid")
        public String invalid() {
            throw new ValidationException("code", "must be upper case");
        }

        @GET
        @Path("boom")
        public String boom() {
            throw new IllegalStateException("secret detail in org.tongpao.secret.Dao");
        }
    }

    /** A body with ISO-8601 durations and an optional nested record, for the document test. */
    public record Contract(@NotNull java.time.Duration acceptWithin, java.time.Duration pickupWithin,
            java.util.Map<String, java.time.Duration> byProvince, Item sample) {
    }

    @Path("contracts")
    @RolesAllowed("ministry-admin")
    public static class Contracts {
        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Contract put(@Valid @NotNull Contract contract) {
            return contract;
        }
    }

    /** Writes as the domain bundles write them: 201 with Location, and an optional body. */
    @Path("things")
    @RolesAllowed({"ministry-admin", "province-officer"})
    public static class Things {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response create(@Context UriInfo uriInfo, String body) {
            return Created.response(uriInfo, uriInfo.getPath(), 7, Map.of("id", 7));
        }

        @POST
        @Path("{id}/deactivate")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.TEXT_PLAIN)
        public String deactivate(@PathParam("id") long id, String body) {
            return "deactivated " + id + (body == null || body.isBlank() ? " without body" : " with " + body);
        }
    }

    @Path("extra")
    @PermitAll
    public static class Extra {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "extra";
        }
    }
}
