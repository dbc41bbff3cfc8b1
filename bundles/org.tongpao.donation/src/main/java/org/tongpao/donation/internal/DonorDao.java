package org.tongpao.donation.internal;

import static org.tongpao.core.persistence.Jdbc.args;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tongpao.core.persistence.Jdbc;
import org.tongpao.core.persistence.Paging;
import org.tongpao.core.persistence.Sql;
import org.tongpao.donation.Donor;
import org.tongpao.donation.DonorContact;
import org.tongpao.donation.DonorKind;
import org.tongpao.donation.NewDonor;

/** Donors; the contact columns are read only for callers who may see them. */
final class DonorDao {
    /** What an erased donor, and an anonymous one in public, is called. */
    static final String ANONYMOUS = "匿名捐赠人 Anonymous donor";

    private DonorDao() {
    }

    static long insert(Connection c, NewDonor d, String province, String by, Instant at) throws SQLException {
        DonorContact k = d.contact();
        return Jdbc.insert(c, "INSERT INTO tp_don_donor (kind, name, country, province_code, anonymous, contact_name, "
                + "contact_phone, contact_email, contact_address, created_by, created_at) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args(d.kind().name(), d.name().strip(), d.country(), province,
                Boolean.TRUE.equals(d.anonymous()), k == null ? null : k.name(), k == null ? null : k.phone(), k == null ? null : k.email(),
                k == null ? null : k.address(), by, at));
    }

    /** Wipes the personal data: contact, and the name (an individual's name is personal data too). */
    static void erase(Connection c, long id, String by, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_donor SET name = ?, anonymous = ?, contact_name = NULL, contact_phone = NULL, "
                + "contact_email = NULL, contact_address = NULL, erased_at = ?, erased_by = ? WHERE id = ?",
                args(ANONYMOUS, true, at, by, id));
    }

    static Optional<Donor> find(Connection c, long id, boolean withContact) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM tp_don_donor WHERE id = ?", args(id), rs -> map(rs, withContact));
    }

    static Optional<Donor> lock(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE tp_don_donor SET kind = kind WHERE id = ?", args(id));
        return find(c, id, false);
    }

    /** A page of the donors the caller sees: all, or its province's and the national ones. */
    static List<Donor> page(Connection c, boolean all, String province, long after, int limit, boolean withContact)
            throws SQLException {
        String where = all ? "" : "(province_code IS NULL OR province_code = ?) AND ";
        List<Object> a = all ? args(after) : args(province, after);
        return Jdbc.query(c, "SELECT * FROM tp_don_donor WHERE " + where + "id > ?" + Paging.orderAndFetch("id", limit),
                a, rs -> map(rs, withContact));
    }

    static Donor map(ResultSet rs, boolean withContact) throws SQLException {
        DonorContact contact = null;
        if (withContact) {
            String n = rs.getString("contact_name");
            String p = rs.getString("contact_phone");
            String e = rs.getString("contact_email");
            String a = rs.getString("contact_address");
            contact = n == null && p == null && e == null && a == null ? null : new DonorContact(n, p, e, a);
        }
        return new Donor(rs.getLong("id"), DonorKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("country"), rs.getString("province_code"), rs.getBoolean("anonymous"), contact,
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "erased_at"));
    }
}
