package org.tongpao.federation.allocation.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.tongpao.allocation.AllocationTopics;
import org.tongpao.allocation.Batch;
import org.tongpao.allocation.BatchLine;
import org.tongpao.allocation.BatchStatus;
import org.tongpao.allocation.LineReceipt;
import org.tongpao.allocation.MutualAidOffer;
import org.tongpao.allocation.NewMutualAidOffer;
import org.tongpao.allocation.NewNeed;
import org.tongpao.allocation.OfferApproval;
import org.tongpao.allocation.Plan;
import org.tongpao.allocation.PlanRequest;
import org.tongpao.allocation.Urgency;
import org.tongpao.allocation.internal.AllocationSchema;
import org.tongpao.allocation.internal.DefaultPriorityPolicy;
import org.tongpao.allocation.internal.JdbcAllocationService;
import org.tongpao.allocation.internal.JdbcNeedService;
import org.tongpao.allocation.internal.PolicySelector;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.core.Caller;
import org.tongpao.core.ConflictException;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.spi.EventForwarder;
import org.tongpao.core.testing.Configs;
import org.tongpao.core.testing.TestCallers;
import org.tongpao.core.testing.TestCore;
import org.tongpao.federation.Message;
import org.tongpao.federation.inventory.internal.transfer.Node;
import org.tongpao.inventory.Transfer;

/**
 * Central's batches to a province's depot and mutual aid between two provinces, across three nodes on real
 * databases: central runs allocation, the provinces only inventory (a province without the allocation bundle
 * still receives batches) plus, on the sending province, this bundle's instruction handler.
 */
class CrossNodeBatchTest implements TestCallers {
    private static final Caller ADMIN2 = Caller.of("admin2", Set.of("ministry-admin"), "req-admin2");
    private static final String DISPATCHED = "transfer.dispatched";
    private static final String RECEIVED = "transfer.received";

    private final Node central = Node.central();
    private final Node hubei = Node.province("42");
    private final JdbcNeedService needs;
    private final JdbcAllocationService allocation;

    CrossNodeBatchTest() {
        SchemaReady schema = TestCore.migrate(central.ds, AllocationSchema.NAME, AllocationSchema.class,
                AllocationSchema.MIGRATIONS, AllocationSchema.HISTORY_TABLE);
        PolicySelector selector = new PolicySelector(Configs.of(PolicySelector.Config.class, Map.of("policy", "")));
        selector.addPolicy(new DefaultPriorityPolicy(DefaultPriorityPolicy.DEFAULT_ORDER),
                Map.of(PriorityPolicy.NAME_PROPERTY, "default", Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, 1L));
        needs = new JdbcNeedService(schema, central.core.units, central.core.catalogue, central.core.depots,
                central.core.provinces, central.core.audit, central.core.keys, central.outbox);
        allocation = new JdbcAllocationService(schema, central.core.units, central.core.catalogue, central.core.depots,
                central.core.provinces, central.inventory, central.core.audit, central.core.keys, selector,
                central.outbox);
        allocation.bindLedgerOwners(central.owners);
        central.inventory.bindCrossNodeTransferListener(allocation);
        central.outbox.bindEventForwarder(new MutualAidInstructionForwarder(central.federation),
                Map.of(EventForwarder.TOPICS, AllocationTopics.MUTUAL_AID_INSTRUCTED));
    }

    @AfterEach
    void close() {
        central.close();
        hubei.close();
    }

    private BatchLine onlyLine(long batchId) {
        List<BatchLine> lines = allocation.batch(ADMIN, batchId).lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void centralsBatchToAHubeiDepotClosesAtCentralWithTheShortfallHubeiRecorded() {
        central.stock("CENTRAL-RESERVE", "MASK-KN95", 500);
        long kn95 = central.id("tp_item", "MASK-KN95");
        long need = needs.create(ADMIN, new NewNeed(central.id("tp_org_unit", "P42-WUHAN-JIANGAN-T01"), kn95, null, 200L,
                Urgency.IMMEDIATE, null, null, "epidemic", null, central.id("tp_depot", "HB-WH-01")), null).id();
        Plan plan = allocation.propose(ADMIN, new PlanRequest(kn95, null, "42", null, null), null);
        Batch batch = allocation.approve(ADMIN2, plan.id(), null);
        batch = allocation.dispatch(ADMIN, batch.id(), null);
        assertThat(batch.status()).isEqualTo(BatchStatus.DISPATCHED);
        Transfer out = central.inventory.transfer(ADMIN, onlyLine(batch.id()).transferId());
        assertThat(out.crossNodeId()).isEqualTo("central/" + out.id());

        // Hubei, without allocation, receives the batch into its depot through the inventory alone
        hubei.deliver(central.take(DISPATCHED));
        Transfer inbound = hubei.inventory.transfers(HUBEI, Transfer.Status.IN_TRANSIT, null, 50, null).items().get(0);
        long batchId = batch.id();
        long lineId = onlyLine(batchId).id();
        assertThatThrownBy(() -> allocation.receive(HUBEI, batchId, List.of(new LineReceipt(lineId, 200L, 0L, null)),
                null)).isInstanceOf(ConflictException.class).hasMessageContaining("province:42");
        hubei.inventory.receiveTransfer(HUBEI, inbound.id(), 190, 4, "a pallet short", null);

        Message receipt = hubei.take(RECEIVED);
        central.deliver(receipt);
        central.deliver(receipt);
        BatchLine closed = onlyLine(batchId);
        assertThat(closed.status()).isEqualTo("RECEIVED");
        assertThat(closed.receivedQuantity()).isEqualTo(190);
        assertThat(closed.damagedQuantity()).isEqualTo(4);
        assertThat(allocation.batch(ADMIN, batchId).status()).isEqualTo(BatchStatus.RECEIVED);
        // what did not arrive usable (10 short, 4 damaged) goes back to the need
        assertThat(needs.get(ADMIN, need).received()).isEqualTo(186);
        assertThat(needs.get(ADMIN, need).allocated()).isEqualTo(186);
    }

    @Test
    void mutualAidFromJiangsuToHubeiIsInstructedDispatchedForwardedReceivedAndClosedAtCentral() {
        try (Node jiangsu = Node.province("32")) {
            jiangsu.handle(MutualAidInstructions.TYPE, new MutualAidInstructionHandler(jiangsu.inventory,
                    jiangsu.core.depots, jiangsu.core.catalogue, jiangsu.core.node));
            jiangsu.stock("JS-PROV-01", "MASK-KN95", 80);
            // central's picture of Jiangsu's stock (its replica, from stock.posting) is what the offer is checked against
            central.inventory.unbindLedgerOwners(central.owners);
            central.stock("JS-PROV-01", "MASK-KN95", 80);
            central.inventory.bindLedgerOwners(central.owners);
            MutualAidOffer offer = allocation.offer(JIANGSU, new NewMutualAidOffer(central.id("tp_depot", "JS-PROV-01"),
                    central.id("tp_item", "MASK-KN95"), 50L, "42", "from Nanjing"), null);
            Batch batch = allocation.approveOffer(ADMIN, offer.id(), new OfferApproval(central.id("tp_depot", "HB-WH-01"),
                    null), null);
            assertThat(batch.status()).isEqualTo(BatchStatus.APPROVED);
            assertThat(onlyLine(batch.id()).status()).isEqualTo("INSTRUCTED");
            assertThat(onlyLine(batch.id()).reservationId()).isNull();
            long batchId = batch.id();
            assertThatThrownBy(() -> allocation.dispatch(ADMIN, batchId, null)).isInstanceOf(ConflictException.class);

            Message instruction = central.take(MutualAidInstructions.TYPE);
            assertThat(instruction.to()).isEqualTo("province:32");
            jiangsu.deliver(instruction);
            jiangsu.deliver(instruction);
            assertThat(jiangsu.number("SELECT COUNT(*) FROM tp_inv_transfer")).isEqualTo(1);

            central.deliver(jiangsu.take(DISPATCHED));
            assertThat(onlyLine(batchId).status()).isEqualTo("DISPATCHED");
            assertThat(allocation.batch(ADMIN, batchId).status()).isEqualTo(BatchStatus.DISPATCHED);

            hubei.deliver(central.take(DISPATCHED));
            Transfer inbound = hubei.inventory.transfers(HUBEI, Transfer.Status.IN_TRANSIT, null, 50, null).items().get(0);
            hubei.inventory.receiveTransfer(HUBEI, inbound.id(), 50, 0, null, null);
            central.deliver(hubei.take(RECEIVED));
            assertThat(onlyLine(batchId).status()).isEqualTo("RECEIVED");
            assertThat(allocation.batch(ADMIN, batchId).status()).isEqualTo(BatchStatus.RECEIVED);

            jiangsu.deliver(central.take(RECEIVED));
            assertThat(jiangsu.inventory.transfers(ADMIN, Transfer.Status.RECEIVED, null, 50, null).items()).hasSize(1);
        }
    }
}
