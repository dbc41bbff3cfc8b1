package org.tongpao.core;

/**
 * Role names of the JAAS realm. A province officer carries a second role
 * {@code province-<code>} naming its province; a depot keeper carries {@code depot-<code>}.
 */
public final class Roles {
    public static final String MINISTRY_ADMIN = "ministry-admin";
    public static final String MINISTRY_OFFICER = "ministry-officer";
    public static final String PROVINCE_OFFICER = "province-officer";
    public static final String DEPOT_KEEPER = "depot-keeper";
    public static final String PARTNER = "partner";
    public static final String AUDITOR = "auditor";
    /**
     * Buys: suppliers, purchase orders, their approval and receipts. Ministry level alone; province level with a
     * {@code province-<code>} scope role. @since 1.4
     */
    public static final String PROCUREMENT_OFFICER = "procurement-officer";
    /** Manages budget lines (funding); with {@code province-<code>} those of its province only. @since 1.4 */
    public static final String FINANCE = "finance";
    /**
     * Takes in donations: donors (the only role that sees their contact details), pledges, receipts and their
     * inspection, acknowledgements, erasure on request. Ministry level alone; province level with a
     * {@code province-<code>} scope role. @since 1.5
     */
    public static final String DONATION_OFFICER = "donation-officer";

    /** Prefix of the scope role binding a caller to a province, e.g. {@code province-42}. */
    public static final String PROVINCE_SCOPE_PREFIX = "province-";
    /** Prefix of the scope role binding a caller to a depot, e.g. {@code depot-HB-WH-01}. */
    public static final String DEPOT_SCOPE_PREFIX = "depot-";
    /** Prefix of the scope role binding a partner to its carrier or supplier id. */
    public static final String PARTNER_SCOPE_PREFIX = "partner-";

    /**
     * Prefix of the role {@link Caller#vouchedFor} gives the platform writing for a user through another bundle's
     * service, e.g. {@code vouched:donation}; the realm gives it to nobody. @since 1.6
     */
    public static final String VOUCHED_PREFIX = "vouched:";

    private Roles() {
    }
}
