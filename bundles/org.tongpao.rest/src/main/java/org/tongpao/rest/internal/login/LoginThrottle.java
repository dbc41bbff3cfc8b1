package org.tongpao.rest.internal.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The rules for failed HTTP Basic logins, free of HTTP and OSGi so every rule is unit-tested with a clock of
 * the test's own. Three counters, each forgotten after {@code window} without a failure:
 * <ul>
 * <li>one account at one client address: a few free failures, then a doubling delay before the next attempt
 * is even checked, then a lock; after the lock every further failure locks again. A success resets it.</li>
 * <li>one account from every address: past a threshold each failing address must wait a while before its
 * next try for that account. Never a lock, so guessing someone else's name cannot shut that person out: a
 * right password from an address that has not failed is always checked. A success resets it.</li>
 * <li>one address across accounts (password spraying): past a threshold the address is locked. A success
 * does not reset it, or one valid account would launder the guesses made against all others.</li>
 * </ul>
 * Blocked attempts are not checked and not counted. Thread-safe; memory is bounded ({@link CounterMap}).
 */
public final class LoginThrottle {

    /** What the limits are; times in milliseconds. */
    public record Settings(int freeFailures, long delayMillis, long maxDelayMillis, int lockAfter, long lockMillis,
            int accountDelayAfter, long accountDelayMillis, int addressLockAfter, long windowMillis) {

        public static Settings defaults() {
            return new Settings(3, 1_000, 30_000, 10, 15 * 60_000L, 20, 10_000, 50, 60 * 60_000L);
        }
    }

    /** The answer to "may this attempt be checked?": allowed, or not before {@code retryAfterMillis}. */
    public record Verdict(boolean allowed, long retryAfterMillis, Reason reason) {
        static final Verdict ALLOWED = new Verdict(true, 0, null);

        /** Whole seconds for Retry-After, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    public enum Reason {
        /** The account at this address waits out a delay. */
        DELAYED,
        /** The account is locked at this address. */
        ACCOUNT_LOCKED,
        /** The address is locked for every account. */
        ADDRESS_LOCKED
    }

    /** A lock in force, or one just imposed; {@code account} is null for an address lock. */
    public record Lock(String account, String address, long untilMillis, int failures) {
        public boolean addressWide() {
            return account == null;
        }
    }

    private final LongSupplier clock;
    private volatile Settings settings;
    private final CounterMap<Key> pairs = new CounterMap<>();
    private final CounterMap<String> accounts = new CounterMap<>();
    private final CounterMap<String> addresses = new CounterMap<>();

    public LoginThrottle(Settings settings, LongSupplier millisClock) {
        this.settings = settings;
        this.clock = millisClock;
    }

    public void update(Settings newSettings) {
        this.settings = newSettings;
    }

    public Settings settings() {
        return settings;
    }

    /** Whether a login of {@code account} from {@code address} may be checked now. */
    public Verdict check(String account, String address) {
        long now = clock.getAsLong();
        Counter a = addresses.get(address);
        if (a != null) {
            synchronized (a) {
                if (a.lockedUntil > now) {
                    return new Verdict(false, a.lockedUntil - now, Reason.ADDRESS_LOCKED);
                }
            }
        }
        Counter p = pairs.get(new Key(account, address));
        if (p != null) {
            synchronized (p) {
                if (p.lockedUntil > now) {
                    return new Verdict(false, p.lockedUntil - now, Reason.ACCOUNT_LOCKED);
                }
                if (p.notBefore > now) {
                    return new Verdict(false, p.notBefore - now, Reason.DELAYED);
                }
            }
        }
        return Verdict.ALLOWED;
    }

    /** Records a wrong password; returns the locks this failure imposed (for the audit trail). */
    public List<Lock> failed(String account, String address) {
        Settings s = settings;
        long now = clock.getAsLong();
        List<Lock> imposed = new ArrayList<>(2);

        int accountFailures;
        Counter acc = accounts.getOrCreate(account, now, s.windowMillis());
        synchronized (acc) {
            accountFailures = acc.countSinceQuiet(now, s.windowMillis());
        }

        Counter p = pairs.getOrCreate(new Key(account, address), now, s.windowMillis());
        synchronized (p) {
            int n = p.countSinceQuiet(now, s.windowMillis());
            if (n >= s.lockAfter()) {
                p.lockedUntil = now + s.lockMillis();
                imposed.add(new Lock(account, address, p.lockedUntil, n));
            } else {
                long wait = 0;
                if (n > s.freeFailures()) {
                    int doublings = Math.min(30, n - s.freeFailures() - 1);
                    wait = Math.min(s.maxDelayMillis(), s.delayMillis() << doublings);
                }
                if (accountFailures >= s.accountDelayAfter()) {
                    wait = Math.max(wait, s.accountDelayMillis());
                }
                p.notBefore = now + wait;
            }
        }

        Counter a = addresses.getOrCreate(address, now, s.windowMillis());
        synchronized (a) {
            int n = a.countSinceQuiet(now, s.windowMillis());
            if (n >= s.addressLockAfter() && a.lockedUntil <= now) {
                a.lockedUntil = now + s.lockMillis();
                imposed.add(new Lock(null, address, a.lockedUntil, n));
            }
        }
        return imposed;
    }

    /** A right password: the account's counts, at this address and overall, start again. */
    public void succeeded(String account, String address) {
        if (!pairs.isEmpty()) {
            pairs.remove(new Key(account, address));
        }
        if (!accounts.isEmpty()) {
            accounts.remove(account);
        }
    }

    /** Every lock in force, latest-ending last. */
    public List<Lock> locks() {
        long now = clock.getAsLong();
        List<Lock> out = new ArrayList<>();
        pairs.forEach((k, c) -> {
            synchronized (c) {
                if (c.lockedUntil > now) {
                    out.add(new Lock(k.account(), k.address(), c.lockedUntil, c.count));
                }
            }
        });
        addresses.forEach((k, c) -> {
            synchronized (c) {
                if (c.lockedUntil > now) {
                    out.add(new Lock(null, k, c.lockedUntil, c.count));
                }
            }
        });
        out.sort(Comparator.comparingLong(Lock::untilMillis));
        return out;
    }

    /**
     * Forgets every count, delay and lock of {@code accountOrAddress}: an account (at every address) or an
     * address (for every account). Returns the locks that were in force and are now lifted.
     */
    public List<Lock> unlock(String accountOrAddress) {
        long now = clock.getAsLong();
        List<Lock> lifted = new ArrayList<>();
        pairs.removeIf((k, c) -> {
            if (!k.account().equals(accountOrAddress) && !k.address().equals(accountOrAddress)) {
                return false;
            }
            synchronized (c) {
                if (c.lockedUntil > now) {
                    lifted.add(new Lock(k.account(), k.address(), c.lockedUntil, c.count));
                }
            }
            return true;
        });
        accounts.remove(accountOrAddress);
        Counter a = addresses.remove(accountOrAddress);
        if (a != null) {
            synchronized (a) {
                if (a.lockedUntil > now) {
                    lifted.add(new Lock(null, accountOrAddress, a.lockedUntil, a.count));
                }
            }
        }
        return lifted;
    }

    /** How many failures the account has had from every address within the window (for tests and the console). */
    public int accountFailures(String account) {
        return Optional.ofNullable(accounts.get(account)).map(c -> {
            synchronized (c) {
                return c.count;
            }
        }).orElse(0);
    }

    private record Key(String account, String address) {
    }
}
