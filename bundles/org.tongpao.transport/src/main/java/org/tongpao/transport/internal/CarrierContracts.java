package org.tongpao.transport.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.IdempotencyKeys;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Sql;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.transport.api.ServicePromise;

/** The ministry's contracts with carriers ({@code tp_tr_contract}): the promise the SLA clock applies over the carrier's own. */
record CarrierContracts(TransportContext ctx) {
    /** Sets (or replaces) a carrier's contract, audited, under the idempotency key. */
    void set(Caller caller, String carrierId, ServicePromise promise, String idempotencyKey) {
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("Only a ministry-admin may set a carrier's contract");
        }
        if (carrierId == null || !CarrierRegistry.ID.matcher(carrierId).matches()) {
            throw new ValidationException("carrierId", "a carrier id is 1-32 lower-case letters, digits or '-'");
        }
        Objects.requireNonNull(promise, "promise");
        requireMilestonesInOrder(promise);
        ctx.keys.execute(ctx.ds, caller, idempotencyKey, "carrier.contract:" + carrierId, promise, c -> {
            ServicePromise before = contract(c, carrierId);
            List<Object> terms = Jdbc.args(promise.acceptWithin().toSeconds(), promise.pickupWithin().toSeconds(),
                    promise.deliverWithin().toSeconds(), ContractCodec.encode(promise.deliverWithinByProvince()),
                    caller.user(), Sql.now(), carrierId);
            int n = Jdbc.update(c, "UPDATE tp_tr_contract SET accept_within_s = ?, pickup_within_s = ?, "
                    + "deliver_within_s = ?, deliver_by_province = ?, updated_by = ?, updated_at = ?, version = version + 1 "
                    + "WHERE carrier_id = ?", terms);
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO tp_tr_contract (accept_within_s, pickup_within_s, deliver_within_s, "
                        + "deliver_by_province, updated_by, updated_at, carrier_id, version) VALUES (?,?,?,?,?,?,?,1)", terms);
            }
            ctx.audit.record(c, caller, "carrier-contract", carrierId, n == 0 ? "CREATE" : "UPDATE", before, promise);
            return new IdempotencyKeys.Ref("carrier-contract", carrierId);
        });
    }

    /** Accepting comes before picking up, picking up before delivering: 400 naming the first field out of order. */
    static void requireMilestonesInOrder(ServicePromise p) {
        if (p.pickupWithin().compareTo(p.acceptWithin()) < 0) {
            throw new ValidationException("pickupWithin", "pick-up (" + p.pickupWithin() + ") is due before acceptance ("
                    + p.acceptWithin() + ")");
        }
        if (p.deliverWithin().compareTo(p.pickupWithin()) < 0) {
            throw new ValidationException("deliverWithin", "delivery (" + p.deliverWithin() + ") is due before pick-up ("
                    + p.pickupWithin() + ")");
        }
        new TreeMap<>(p.deliverWithinByProvince()).forEach((province, d) -> {
            if (d.compareTo(p.pickupWithin()) < 0) {
                throw new ValidationException("deliverWithinByProvince[" + province + "]", "delivery into province "
                        + province + " (" + d + ") is due before pick-up (" + p.pickupWithin() + ")");
            }
        });
    }

    /** The contract with a carrier, or null. */
    ServicePromise contract(String carrierId) {
        return Transactions.read(ctx.ds, c -> contract(c, carrierId));
    }

    static ServicePromise contract(Connection c, String carrierId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_tr_contract WHERE carrier_id = ?", List.of(carrierId),
                rs -> new ServicePromise(Duration.ofSeconds(rs.getLong("accept_within_s")),
                        Duration.ofSeconds(rs.getLong("pickup_within_s")), Duration.ofSeconds(rs.getLong("deliver_within_s")),
                        ContractCodec.decode(rs.getString("deliver_by_province")))).orElse(null);
    }

    /** Carriers with a contract, whether installed or not. */
    static List<String> contracted(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT carrier_id FROM tp_tr_contract", List.of(), rs -> rs.getString(1));
    }
}
