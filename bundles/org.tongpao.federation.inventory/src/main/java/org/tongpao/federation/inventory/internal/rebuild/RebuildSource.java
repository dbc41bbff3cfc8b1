package org.tongpao.federation.inventory.internal.rebuild;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tongpao.core.AccessDeniedException;
import org.tongpao.core.Caller;
import org.tongpao.core.CatalogueService;
import org.tongpao.core.ConflictException;
import org.tongpao.core.DepotService;
import org.tongpao.core.NodeIdentity;
import org.tongpao.core.NotFoundException;
import org.tongpao.core.OrgUnitService;
import org.tongpao.core.ProvinceRegistry;
import org.tongpao.core.Roles;
import org.tongpao.core.ValidationException;
import org.tongpao.core.persistence.SchemaReady;
import org.tongpao.core.persistence.Transactions;
import org.tongpao.federation.Federation;
import org.tongpao.federation.LinkStatus;
import org.tongpao.federation.RebuildContribution;
import org.tongpao.federation.SnapshotSequences;
import org.tongpao.inventory.CrossNodeTransfers;

/**
 * Central's rebuild source: a province's master data and its depots' state as central holds it, as one stream of
 * keyset pages ({@link RebuildCursor}). Only that province's node user ({@code node-<code>}) or a ministry
 * administrator may read it, and only once central has caught up with the province ({@link CatchUp}).
 */
@Component(service = RebuildSource.class, configurationPid = "org.tongpao.federation",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class RebuildSource {
    /** Federation's own configuration: how central reaches its broker to read a province's up queue. */
    public @interface Broker {
        String broker() default "";

        String user() default "";

        String password() default "";
    }

    static final int DEFAULT_LIMIT = 5_000;
    static final int MAX_LIMIT = 20_000;
    /** The role of a province's node user: {@code node-42}. */
    static final String NODE_ROLE_PREFIX = "node-";

    private final DataSource ds;
    private final NodeIdentity node;
    private final ProvinceRegistry provinces;
    private final MasterDataSource masterData;
    private final TransferSource transfers;
    private final RebuildContributions contributions;
    private final Function<String, CatchUp> catchUp;
    private volatile Federation federation;
    private Broker broker;

    @Activate
    public RebuildSource(@Reference(target = RebuildSchema.READY) SchemaReady schema, @Reference NodeIdentity node,
            @Reference ProvinceRegistry provinces, @Reference OrgUnitService units,
            @Reference CatalogueService catalogue, @Reference DepotService depots, @Reference SnapshotSequences sequences,
            @Reference CrossNodeTransfers transfers, @Reference RebuildContributions contributions, Broker broker) {
        this(schema.dataSource(), node, provinces, new MasterDataSource(units, catalogue, depots, sequences),
                new TransferSource(transfers), contributions, null);
        this.broker = broker;
    }

    /** For tests: {@code catchUp} null reads the federation's links and the broker's up queue. */
    RebuildSource(DataSource ds, NodeIdentity node, ProvinceRegistry provinces, MasterDataSource masterData,
            TransferSource transfers, RebuildContributions contributions, Function<String, CatchUp> catchUp) {
        this.ds = ds;
        this.node = node;
        this.provinces = provinces;
        this.masterData = masterData;
        this.transfers = transfers;
        this.contributions = contributions;
        this.catchUp = catchUp != null ? catchUp : this::liveCatchUp;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFederation(Federation f) {
        federation = f;
    }

    void unsetFederation(Federation f) {
        if (federation == f) {
            federation = null;
        }
    }

    /** The page of {@code province}'s stream after {@code after} (null: the first, with the manifest). */
    public RebuildPage page(Caller caller, String province, String after, String limit) {
        if (!node.isCentral()) {
            throw new ConflictException("only the central node serves rebuilds; this is " + node.id());
        }
        if (!provinces.isValid(province)) {
            throw new NotFoundException("no province " + province);
        }
        if (!caller.hasRole(NODE_ROLE_PREFIX + province) && !caller.hasRole(Roles.MINISTRY_ADMIN)) {
            throw new AccessDeniedException("only province " + province + "'s node or a ministry administrator"
                    + " may rebuild it");
        }
        int n = limit(limit);
        List<String> sections = contributions.sections();
        RebuildCursor cursor = RebuildCursor.parse(after, sections);
        CatchUp state = catchUp.apply(province);
        state.require();
        Caller reader = Caller.system(caller.requestId());
        return Transactions.read(ds, c -> {
            Map<String, Object> manifest = cursor.isFirst() ? manifest(c, reader, province, state, sections) : null;
            RebuildCursor at = cursor;
            while (true) {
                SectionRows rows = read(c, reader, province, at, n);
                RebuildCursor next = rows.nextKey() != null ? at.at(rows.nextKey()) : at.nextSection(sections);
                // an exhausted section moves on in the same request, so only the stream's end is an empty page
                if (!rows.rows().isEmpty() || next == null) {
                    return new RebuildPage(province, at.section(), rows.rows(), next == null ? null : next.toString(),
                            manifest);
                }
                at = next;
            }
        });
    }

    private SectionRows read(Connection c, Caller reader, String province, RebuildCursor at, int n) throws Exception {
        return switch (at.section()) {
            case RebuildCursor.LOTS -> StockSource.lots(c, province, at.atSectionStart() ? 0 : Long.parseLong(at.key()), n);
            case RebuildCursor.TRANSFERS -> transfers.read(reader, province, at.atSectionStart() ? null : at.key(), n);
            case RebuildCursor.UNITS, RebuildCursor.ITEMS, RebuildCursor.DEPOTS -> masterData.read(c, reader, at, n);
            default -> {
                RebuildContribution.Rows rows = contributions.of(at.section())
                        .orElseThrow(() -> new ConflictException("section " + at.section() + " is no longer served here"))
                        .read(c, province, at.atSectionStart() ? null : at.key(), n);
                yield new SectionRows(rows.rows(), rows.nextKey());
            }
        };
    }

    /** The page size asked ({@code limit} as sent): absent → {@link #DEFAULT_LIMIT}, else 1..{@link #MAX_LIMIT}. */
    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new ValidationException("limit", "limit must be a whole number between 1 and " + MAX_LIMIT);
    }

    private Map<String, Object> manifest(Connection c, Caller reader, String province, CatchUp state,
            List<String> sections) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generatedAt", Instant.now().toString());
        m.put("sections", new ArrayList<>(sections));
        m.put("masterData", MasterDataSource.summary(c));
        m.put("stock", StockSource.summary(c, province));
        Map<String, Long> sent = transfers.summary(reader, province);
        m.put(RebuildCursor.TRANSFERS, sent.get("count"));
        m.put("maxSentTransferId", sent.get("maxSentTransferId"));
        Map<String, Object> contributed = new LinkedHashMap<>();
        for (Map.Entry<String, RebuildContribution> e : contributions.all().entrySet()) {
            contributed.put(e.getKey(), e.getValue().count(c, province));
        }
        m.put("contributed", contributed);
        m.put("received", state.describe());
        return m;
    }

    private CatchUp liveCatchUp(String province) {
        Federation f = federation;
        String link = "province:" + province;
        Optional<LinkStatus> status = f == null ? Optional.empty()
                : f.links().stream().filter(l -> l.node().equals(link)).findFirst();
        OptionalLong queued = broker == null ? OptionalLong.empty()
                : UpQueues.depth(broker.broker(), broker.user(), broker.password(), province);
        return new CatchUp(province, status, queued);
    }
}
