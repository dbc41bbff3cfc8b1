package org.tongpao.donation.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.DepotService;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.Page;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.EventOutbox;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.documents.Documents;
import org.tongpao.donation.Acknowledgement;
import org.tongpao.donation.DisclosureEntry;
import org.tongpao.donation.Donation;
import org.tongpao.donation.DonationFilter;
import org.tongpao.donation.DonationReceipt;
import org.tongpao.donation.DonationService;
import org.tongpao.donation.DonationSnapshot;
import org.tongpao.donation.DonationTrace;
import org.tongpao.donation.Donor;
import org.tongpao.donation.NewDonationReceipt;
import org.tongpao.donation.NewDonor;
import org.tongpao.donation.NewPledge;
import org.tongpao.donation.PublicDonation;
import org.tongpao.inventory.StockLedger;

/** The donation service: a facade over its parts, which share one {@link DonationContext}. */
@Component(service = DonationService.class)
public class JdbcDonationService implements DonationService {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDonationService.class);
    private final DonationContext ctx;
    private final Donors donors;
    private final Pledges pledges;
    private final Intake intake;
    private final Disclosure disclosure;
    private final DonationReplicas replicas;
    private final DonationRestore restore;

    @Activate
    public JdbcDonationService(@Reference(target = DonationSchema.READY) SchemaReady schema,
            @Reference CatalogueService catalogue, @Reference DepotService depots, @Reference OrgUnitService units,
            @Reference ProvinceRegistry provinces, @Reference StockLedger stock, @Reference Documents documents,
            @Reference AuditTrail audit, @Reference IdempotencyKeys keys, @Reference EventOutbox outbox) {
        ctx = new DonationContext(schema.dataSource(), catalogue, depots, units, provinces, stock, documents, audit,
                keys, outbox, new DonorCodes(new SecureRandom()));
        donors = new Donors(ctx);
        pledges = new Pledges(ctx);
        intake = new Intake(ctx, pledges);
        disclosure = new Disclosure(ctx);
        replicas = new DonationReplicas(ctx, pledges);
        restore = new DonationRestore(ctx, pledges, replicas);
        int hashed = Transactions.write(ctx.ds, "donation.hash-donor-codes", DonorCodes::hashStored);
        if (hashed > 0) {
            LOG.info("Hashed {} donor codes stored in clear", hashed);
        }
    }

    /** For tests: the clock of every date and time the service records. */
    void clock(Clock c) {
        ctx.clock(c);
    }

    @Override
    public Donor registerDonor(Caller caller, NewDonor donor, String idempotencyKey) {
        return donors.register(caller, donor, idempotencyKey);
    }

    @Override
    public Donor donor(Caller caller, long donorId) {
        return donors.get(caller, donorId);
    }

    @Override
    public Page<Donor> donors(Caller caller, int limit, String cursor) {
        return donors.list(caller, limit, cursor);
    }

    @Override
    public Donor eraseDonor(Caller caller, long donorId, String reason, String idempotencyKey) {
        return donors.erase(caller, donorId, reason, idempotencyKey);
    }

    @Override
    public Donation pledge(Caller caller, NewPledge pledge, String idempotencyKey) {
        return pledges.pledge(caller, pledge, idempotencyKey);
    }

    @Override
    public Donation donation(Caller caller, long donationId) {
        return pledges.get(caller, donationId);
    }

    @Override
    public Page<Donation> donations(Caller caller, DonationFilter filter, int limit, String cursor) {
        return pledges.list(caller, filter, limit, cursor);
    }

    @Override
    public Donation cancel(Caller caller, long donationId, String reason, String idempotencyKey) {
        return pledges.cancel(caller, donationId, reason, idempotencyKey);
    }

    @Override
    public DonationReceipt receive(Caller caller, long donationId, NewDonationReceipt receipt,
            String idempotencyKey) {
        return intake.receive(caller, donationId, receipt, idempotencyKey);
    }

    @Override
    public DonationReceipt receiveUnpledged(Caller caller, NewDonationReceipt receipt, String idempotencyKey) {
        return intake.receiveUnpledged(caller, receipt, idempotencyKey);
    }

    @Override
    public DonationReceipt receipt(Caller caller, long receiptId) {
        return intake.get(caller, receiptId);
    }

    @Override
    public List<DonationReceipt> receipts(Caller caller, long donationId) {
        return intake.list(caller, donationId);
    }

    @Override
    public Acknowledgement acknowledgement(Caller caller, long receiptId, String publicBaseUrl) {
        return disclosure.acknowledgement(caller, receiptId, publicBaseUrl);
    }

    @Override
    public DonationTrace trace(Caller caller, long donationId) {
        return disclosure.trace(caller, donationId);
    }

    @Override
    public DonationTrace trace(Caller caller, long donationId, int limit, String cursor) {
        return disclosure.trace(caller, donationId, limit, cursor);
    }

    @Override
    public Page<org.tongpao.donation.UnitDonation> receivedBy(Caller caller, long orgUnitId, int limit,
            String cursor) {
        return disclosure.receivedBy(caller, orgUnitId, limit, cursor);
    }

    @Override
    public Donation reissueDonorCode(Caller caller, long donationId, String reason, String idempotencyKey) {
        return pledges.reissueCode(caller, donationId, reason, idempotencyKey);
    }

    @Override
    public java.util.List<org.tongpao.donation.DonationSummary> summary(Caller caller, java.time.Instant from,
            java.time.Instant to) {
        return new Summaries(ctx).summary(caller, from, to);
    }

    /** For tests of this package: the parts the service is built from. */
    DonationContext context() {
        return ctx;
    }

    @Override
    public PublicDonation publicDonation(String donorCode) {
        return disclosure.publicDonation(donorCode);
    }

    @Override
    public Page<DisclosureEntry> disclosure(int limit, String cursor) {
        return disclosure.disclosure(limit, cursor);
    }

    @Override
    public java.util.Optional<org.tongpao.donation.DonationSnapshot> snapshot(java.sql.Connection c, long donationId) {
        return replicas.snapshot(c, donationId);
    }

    @Override
    public List<org.tongpao.donation.DonationSnapshot> snapshotsOfDonor(java.sql.Connection c, long donorId) {
        return replicas.ofDonor(c, donorId);
    }

    @Override
    public Donation replicate(Caller caller, String node, org.tongpao.donation.DonationSnapshot snapshot) {
        return replicas.replicate(caller, node, snapshot);
    }

    @Override
    public Page<DonationSnapshot> replicasOf(Caller caller, String node, int limit, String cursor) {
        return restore.replicasOf(caller, node, limit, cursor);
    }

    @Override
    public long replicaCount(Caller caller, String node) {
        return restore.replicaCount(caller, node);
    }

    @Override
    public List<Donation> restore(Caller caller, List<DonationSnapshot> snapshots) {
        return restore.restore(caller, snapshots);
    }
}
