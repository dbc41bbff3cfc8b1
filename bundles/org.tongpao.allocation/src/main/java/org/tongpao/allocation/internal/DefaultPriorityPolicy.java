package org.tongpao.allocation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpao.allocation.spi.NeedView;
import org.tongpao.allocation.spi.PriorityPolicy;
import org.tongpao.allocation.spi.RankedNeed;

/**
 * "Key areas, urgent needs and the front line first": a lexicographic order over configurable criteria,
 * ties broken by the need id so the order is total and repeatable. Every criterion adds a clause to the
 * reason, in the configured order, so a reader sees exactly what decided.
 */
@Component(service = PriorityPolicy.class, configurationPid = DefaultPriorityPolicy.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {PriorityPolicy.NAME_PROPERTY + "=" + DefaultPriorityPolicy.NAME, "service.ranking:Integer=0"})
@Designate(ocd = DefaultPriorityPolicy.Config.class)
public class DefaultPriorityPolicy implements PriorityPolicy {
    public static final String PID = "org.tongpao.allocation.policy";
    public static final String NAME = "default";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPriorityPolicy.class);

    /** The criteria, most important first. */
    public enum Criterion {
        KEY_AREA, URGENCY, FRONT_LINE, DAYS_OF_COVER, WAITING
    }

    public static final List<Criterion> DEFAULT_ORDER = List.of(Criterion.values());

    @ObjectClassDefinition(name = "Tongpao default priority policy",
            description = "Lexicographic order of the criteria; ties end with the need id")
    public @interface Config {
        @AttributeDefinition(description = "Criteria, most important first: keyArea, urgency, frontLine, "
                + "daysOfCover, waiting. Criteria left out do not count.")
        String[] criteria() default {"keyArea", "urgency", "frontLine", "daysOfCover", "waiting"};
    }

    private volatile List<Criterion> order;

    /** For tests and other bundles' code paths that need the policy without DS. */
    public DefaultPriorityPolicy(List<Criterion> order) {
        this.order = List.copyOf(order);
    }

    @Activate
    public DefaultPriorityPolicy(Config config) {
        this.order = parse(config.criteria());
    }

    @Modified
    void modified(Config config) {
        this.order = parse(config.criteria());
        LOG.info("Priority policy order is now {}", order);
    }

    public List<Criterion> order() {
        return order;
    }

    /** Parses criterion names (case and dashes ignored); an unknown name is refused rather than skipped. */
    static List<Criterion> parse(String[] names) {
        Set<Criterion> out = new LinkedHashSet<>();
        for (String raw : names == null ? new String[0] : names) {
            for (String part : raw.split(",")) {
                String n = part.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
                if (n.isEmpty()) {
                    continue;
                }
                out.add(switch (n) {
                    case "keyarea" -> Criterion.KEY_AREA;
                    case "urgency" -> Criterion.URGENCY;
                    case "frontline" -> Criterion.FRONT_LINE;
                    case "daysofcover", "cover" -> Criterion.DAYS_OF_COVER;
                    case "waiting", "waitingtime" -> Criterion.WAITING;
                    default -> throw new IllegalArgumentException("Unknown priority criterion " + part.strip());
                });
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<RankedNeed> rank(List<NeedView> needs, Instant now) {
        List<Criterion> criteria = order;
        Comparator<NeedView> cmp = Comparator.comparingInt(n -> 0);
        for (Criterion c : criteria) {
            cmp = cmp.thenComparing(comparator(c));
        }
        cmp = cmp.thenComparingLong(NeedView::id);
        List<NeedView> sorted = new ArrayList<>(needs);
        sorted.sort(cmp);
        List<RankedNeed> out = new ArrayList<>(sorted.size());
        int rank = 1;
        for (NeedView n : sorted) {
            out.add(new RankedNeed(n, rank++, sortKey(n, criteria), reason(n, criteria, now)));
        }
        return out;
    }

    private static Comparator<NeedView> comparator(Criterion c) {
        return switch (c) {
            case KEY_AREA -> Comparator.comparing(n -> !n.keyArea());
            case URGENCY -> Comparator.comparingInt(n -> n.urgency().ordinal());
            case FRONT_LINE -> Comparator.comparing(n -> !n.frontLine());
            // unknown cover sorts after every stated one
            case DAYS_OF_COVER -> Comparator.comparingInt(n -> n.daysOfCoverLeft() == null ? Integer.MAX_VALUE
                    : n.daysOfCoverLeft());
            case WAITING -> Comparator.comparing(NeedView::createdAt);
        };
    }

    static String sortKey(NeedView n, List<Criterion> criteria) {
        StringBuilder sb = new StringBuilder();
        for (Criterion c : criteria) {
            sb.append(switch (c) {
                case KEY_AREA -> n.keyArea() ? "K0" : "K1";
                case URGENCY -> "U" + n.urgency().ordinal();
                case FRONT_LINE -> n.frontLine() ? "F0" : "F1";
                case DAYS_OF_COVER -> n.daysOfCoverLeft() == null ? "C-" : String.format(Locale.ROOT, "C%04d",
                        n.daysOfCoverLeft());
                case WAITING -> "W" + n.createdAt().getEpochSecond();
            }).append('|');
        }
        return sb.append('#').append(n.id()).toString();
    }

    static String reason(NeedView n, List<Criterion> criteria, Instant now) {
        List<String> parts = new ArrayList<>();
        for (Criterion c : criteria) {
            parts.add(switch (c) {
                case KEY_AREA -> n.keyArea()
                        ? "key area" + (n.keyAreaLabel() == null ? "" : " (" + n.keyAreaLabel() + ")")
                        : "not a key area";
                case URGENCY -> "urgency " + n.urgency();
                case FRONT_LINE -> n.frontLine() ? "front line" : "not front line";
                case DAYS_OF_COVER -> n.daysOfCoverLeft() == null ? "cover not stated"
                        : n.daysOfCoverLeft() + (n.daysOfCoverLeft() == 1 ? " day" : " days") + " of cover";
                case WAITING -> "waiting " + waiting(n.createdAt(), now);
            });
        }
        return String.join("; ", parts);
    }

    static String waiting(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.toDays() >= 1 ? d.toDays() + " d" : d.toHours() + " h";
    }
}
