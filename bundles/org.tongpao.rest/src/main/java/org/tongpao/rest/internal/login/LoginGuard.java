package org.tongpao.rest.internal.login;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.core.Caller;
import org.tongpao.core.persistence.AuditTrail;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.rest.internal.RestConfig;

/**
 * The login throttle as the REST server and the console use it: limits from the {@code org.tongpao.rest}
 * configuration (changed live), the client address rules, and every lock imposed or lifted written to the
 * audit trail. It also keeps the counters of {@code @RateLimited} operations ({@link RequestRates}), counted per
 * client address by the same rules. The audit references are optional so that a database outage does not take the API down
 * with it; an unaudited lock is logged as such.
 */
@Component(service = LoginGuard.class, configurationPid = "org.tongpao.rest",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class LoginGuard {
    static final String ENTITY = "login";
    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    private final LoginThrottle throttle;
    private final RequestRates rates;
    private volatile Set<String> trustedProxies;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(dataSourceName=tongpao)")
    volatile DataSource dataSource;

    @Activate
    public LoginGuard(RestConfig config) {
        this(new LoginThrottle(settings(config), System::currentTimeMillis),
                new RequestRates(RequestRates.parse(config.rateLimits()), System::currentTimeMillis),
                proxies(config.trustedProxies()));
    }

    /** For tests and in-process servers: these rules, the declared rate limits, no audit trail. */
    public LoginGuard(LoginThrottle throttle, Set<String> trustedProxies) {
        this(throttle, new RequestRates(Map.of(), System::currentTimeMillis), trustedProxies);
    }

    public LoginGuard(LoginThrottle throttle, RequestRates rates, Set<String> trustedProxies) {
        this.throttle = throttle;
        this.rates = rates;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Modified
    void modified(RestConfig config) {
        throttle.update(settings(config));
        rates.update(RequestRates.parse(config.rateLimits()));
        trustedProxies = proxies(config.trustedProxies());
        LOG.info("Login throttle limits changed: {}", throttle.settings());
    }

    static LoginThrottle.Settings settings(RestConfig c) {
        return new LoginThrottle.Settings(c.loginFreeFailures(), c.loginDelaySeconds() * 1000L,
                c.loginMaxDelaySeconds() * 1000L, c.loginLockAfter(), c.loginLockMinutes() * 60_000L,
                c.loginAccountDelayAfter(), c.loginAccountDelaySeconds() * 1000L, c.loginAddressLockAfter(),
                c.loginWindowMinutes() * 60_000L);
    }

    private static Set<String> proxies(String[] configured) {
        if (configured == null) {
            return Set.of();
        }
        return Arrays.stream(configured).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The address a request's logins count against (see {@link ClientAddress}). */
    public String clientAddress(String remoteAddress, String forwardedFor) {
        return ClientAddress.of(remoteAddress, forwardedFor, trustedProxies);
    }

    public LoginThrottle.Verdict check(String account, String address) {
        return throttle.check(account, address);
    }

    /** Counts a call of the rate limit {@code name} from {@code address}, if it is allowed. */
    public RequestRates.Verdict rate(String name, RequestRates.Limit declared, String address) {
        return rates.acquire(name, declared, address);
    }

    public void failed(String account, String address, String requestId) {
        for (LoginThrottle.Lock lock : throttle.failed(account, address)) {
            LOG.warn("Login lock: {} until {} after {} failed logins", describe(lock),
                    Instant.ofEpochMilli(lock.untilMillis()), lock.failures());
            record(lock, "LOCKED", Caller.system(requestId));
        }
    }

    public void succeeded(String account, String address) {
        throttle.succeeded(account, address);
    }

    public List<LoginThrottle.Lock> locks() {
        return throttle.locks();
    }

    /** Lifts the locks of an account or address, audited as done by {@code operator}. */
    public List<LoginThrottle.Lock> unlock(String accountOrAddress, Caller operator) {
        List<LoginThrottle.Lock> lifted = throttle.unlock(accountOrAddress);
        for (LoginThrottle.Lock lock : lifted) {
            LOG.info("Login lock lifted by {}: {}", operator.user(), describe(lock));
            record(lock, "UNLOCKED", operator);
        }
        return lifted;
    }

    static String describe(LoginThrottle.Lock lock) {
        return lock.addressWide() ? "address " + lock.address() + " (every account)"
                : "account '" + lock.account() + "' from " + lock.address();
    }

    private void record(LoginThrottle.Lock lock, String action, Caller caller) {
        AuditTrail a = audit;
        DataSource ds = dataSource;
        if (a == null || ds == null) {
            LOG.warn("Audit trail unavailable: {} {} not audited", action, describe(lock));
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account", lock.account());
        row.put("address", lock.address());
        row.put("until", Instant.ofEpochMilli(lock.untilMillis()).toString());
        row.put("failures", lock.failures());
        String id = lock.addressWide() ? lock.address() : lock.account() + "@" + lock.address();
        String entityId = id.length() > 64 ? id.substring(0, 64) : id; // the column's width; the row has it whole
        try {
            Transactions.inTransaction(ds, c -> {
                a.record(c, caller, ENTITY, entityId, action, "LOCKED".equals(action) ? null : row,
                        "LOCKED".equals(action) ? row : null);
                return null;
            });
        } catch (RuntimeException e) {
            // the lock itself holds; only its audit row is missing, which the log says
            LOG.error("Could not audit {} {}", action, describe(lock), e);
        }
    }
}
