package org.tongpao.federation.testing;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.Message;

/**
 * A {@link Federation} that keeps what is sent, as the messages the receivers would get: for unit tests of
 * forwarders (federation's test jar). {@code provinces} is what {@link #provinceNodes()} answers (empty on a
 * provincial node).
 */
public final class RecordingFederation implements Federation {
    public final List<Message> sent = new CopyOnWriteArrayList<>();
    private final String self;
    private final List<String> provinces;

    public RecordingFederation(String self, List<String> provinces) {
        this.self = self;
        this.provinces = provinces;
    }

    @Override
    public String send(Connection connection, String to, String type, String version, Instant occurredAt,
            Map<String, ?> body) {
        String id = self + "/" + (sent.size() + 1);
        sent.add(new Message(id, type, version, self, to, occurredAt, Map.copyOf(body)));
        return id;
    }

    @Override
    public List<String> provinceNodes() {
        return provinces;
    }

    @Override
    public List<LinkStatus> links() {
        return List.of();
    }
}
