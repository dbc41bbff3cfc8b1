package org.tongpao.rest.internal.login;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client address a login is counted against. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured trusted proxy (anyone can send the header), and then only its
 * right-most entry that is not itself a trusted proxy. IPv6 addresses count per /64, the block one
 * subscriber usually gets, so rotating through it does not buy fresh counters.
 */
public final class ClientAddress {

    // literal addresses only: a host name here would mean a DNS lookup per request
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    public static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        String client = remoteAddress == null ? "unknown" : remoteAddress;
        if (forwardedFor != null && !trustedProxies.isEmpty() && trustedProxies.contains(client)) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (!LITERAL.matcher(hop).matches()) {
                    break; // garbage from the client side of the chain: keep the last address we trust
                }
                client = hop;
                if (!trustedProxies.contains(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    /** IPv4 as is, IPv6 as its /64 prefix; anything unparseable as given. */
    static String key(String address) {
        if (address.indexOf(':') < 0 || !LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a instanceof Inet6Address) {
                byte[] b = a.getAddress();
                for (int i = 8; i < 16; i++) {
                    b[i] = 0;
                }
                return InetAddress.getByAddress(b).getHostAddress() + "/64";
            }
            return a.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
