package org.tongpao.federation.internal;

import java.util.Optional;
import java.util.regex.Pattern;
import org.tongpao.federation.Federation;

/** Node ids ({@code central}, {@code province:42}), message type and version syntax, and the broker's queue names. */
final class Nodes {
    static final String PROVINCE_PREFIX = "province:";
    private static final Pattern PROVINCE_CODE = Pattern.compile("[0-9]{2}");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-zA-Z0-9_-]*(\\.[a-z][a-zA-Z0-9_-]*)+");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}");
    static final int MAX_TYPE = 100;

    private Nodes() {
    }

    static String province(String code) {
        return PROVINCE_PREFIX + code;
    }

    /** The province code of {@code province:<code>}; empty for {@code central} or anything else. */
    static Optional<String> provinceCode(String node) {
        if (node != null && node.startsWith(PROVINCE_PREFIX)) {
            String code = node.substring(PROVINCE_PREFIX.length());
            if (PROVINCE_CODE.matcher(code).matches()) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    static boolean isNode(String node) {
        return Federation.CENTRAL.equals(node) || provinceCode(node).isPresent();
    }

    static boolean isProvinceCode(String code) {
        return code != null && PROVINCE_CODE.matcher(code).matches();
    }

    /** Province → central: the queue central consumes for province {@code code}. */
    static String upQueue(String code) {
        return "tongpao.up." + code;
    }

    /** Central → province: the queue province {@code code} consumes. */
    static String downQueue(String code) {
        return "tongpao.down." + code;
    }

    static void checkType(String type) {
        if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A message type is <area>.<event> in lower camel case, at most "
                    + MAX_TYPE + " characters: " + type);
        }
    }

    static void checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("A message version is <major>.<minor>: " + version);
        }
    }
}
