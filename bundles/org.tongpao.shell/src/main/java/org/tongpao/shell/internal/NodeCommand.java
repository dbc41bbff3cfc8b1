package org.tongpao.shell.internal;

import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tongpao.core.NodeIdentity;

/** {@code tongpao:node} — which install this is and which Tongpao capabilities it runs. */
@Service
@Command(scope = "tongpao", name = "node", description = "Shows this node's identity and installed Tongpao capabilities")
public class NodeCommand implements Action {

    @Reference
    NodeIdentity node;

    @Reference
    FeaturesService features;

    @Override
    public Object execute() throws Exception {
        System.out.println("Node:         " + node.id());
        System.out.println("Demo mode:    " + (node.demo() ? "on" : "off"));
        System.out.println("Capabilities: " + String.join(", ", capabilities(features)));
        return null;
    }

    static List<String> capabilities(FeaturesService features) throws Exception {
        return Stream.of(features.listInstalledFeatures())
                .map(Feature::getName)
                .filter(n -> n.startsWith("tongpao-"))
                .distinct().sorted().toList();
    }
}
