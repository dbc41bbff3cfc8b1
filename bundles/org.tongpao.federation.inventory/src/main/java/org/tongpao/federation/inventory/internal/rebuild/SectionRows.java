package org.tongpao.federation.inventory.internal.rebuild;

import java.util.List;
import java.util.Map;

/**
 * The rows one read of a section produced and where the section continues.
 *
 * @param nextKey the key after the last row, or null when the section has no more rows
 */
record SectionRows(List<Map<String, Object>> rows, String nextKey) {
}
