package org.tongpao.reporting;

/** Whether an optional capability a report reads (procurement, funding, federation, ...) is installed on this node. */
public record Capability(String name, boolean installed) {
}
