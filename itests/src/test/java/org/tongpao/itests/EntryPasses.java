package org.tongpao.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Entry passes for the container stories: since issue 12 a key-area shipment leaves only with a pass a checkpoint
 * can verify (tongpao-passes: issued for the key area, printed, not revoked, valid now); the free-text pass of
 * {@code PUT /shipments/{id}/pass} no longer opens a key area.
 */
final class EntryPasses {
    private EntryPasses() {
    }

    /** Issues and prints, as {@code officer}, one pass per declared key area for shipment {@code shipmentId}. */
    static void grant(Api officer, long shipmentId) {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        for (JsonNode area : officer.get("/needs/key-areas").json().path("items")) {
            Api.Reply issued = officer.post("/shipments/" + shipmentId + "/passes", Map.of("keyAreaId",
                    area.path("id").asLong(), "validFrom", from.toString(), "validUntil",
                    from.plus(Duration.ofDays(2)).toString(), "vehiclePlate", "鄂A·J1234", "authority",
                    "湖北省新冠肺炎疫情防控指挥部"));
            assertEquals(issued.toString(), 201, issued.status());
            Api.Reply printed = officer.send("POST", "/shipments/" + shipmentId + "/passes/"
                    + issued.json().path("id").asLong() + "/print", null, null);
            assertEquals(printed.toString(), 200, printed.status());
        }
    }
}
