package org.tongpao.allocation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * "Key areas, urgent needs and the front line first", in one of two modes.
 * <ul>
 * <li>{@code lexicographic} (default): an order over configurable criteria, ties broken by the need id so
 * the order is total and repeatable. Every criterion adds a clause to the reason, in the configured order.
 * <li>{@code weighted}: a score, the sum over the criteria of weight × a value in [0, 1] (key area 1/0;
 * urgency IMMEDIATE 1, H72 0.5, ROUTINE 0; front line 1/0; cover 1/(1 + days of cover), unknown 0;
 * waiting days/30, at most 1), highest first; ties broken by fewer days of cover (unknown last), then
 * longer waiting, then the need id. The reason gives the score and every component that has a weight,
 * e.g. {@code score 187.7 = key area (Hubei) +100.0; urgency IMMEDIATE +50.0; front line +30.0; 2 days of
 * cover +6.7; waiting 3 d +1.0}.
 * </ul>
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

    /** How the criteria combine. */
    public enum Mode {
        LEXICOGRAPHIC, WEIGHTED
    }

    /** The weighted mode's default weights (the configuration's defaults). */
    public static final Map<Criterion, Double> DEFAULT_WEIGHTS = weights(100, 50, 30, 20, 10);

    /** Waiting counts fully after this many days. */
    static final double WAITING_FULL_DAYS = 30;

    @ObjectClassDefinition(name = "Tongpao default priority policy",
            description = "Lexicographic order of the criteria or a weighted score; ties end with the need id")
    public @interface Config {
        @AttributeDefinition(description = "lexicographic (criteria in order) or weighted (score from the weights)")
        String mode() default "lexicographic";

        @AttributeDefinition(description = "Lexicographic mode: criteria, most important first: keyArea, urgency, "
                + "frontLine, daysOfCover, waiting. Criteria left out do not count.")
        String[] criteria() default {"keyArea", "urgency", "frontLine", "daysOfCover", "waiting"};

        @AttributeDefinition(description = "Weighted mode: points for a need in a key area")
        double weight_keyArea() default 100;

        @AttributeDefinition(description = "Weighted mode: points for IMMEDIATE (H72 half, ROUTINE none)")
        double weight_urgency() default 50;

        @AttributeDefinition(description = "Weighted mode: points for a front-line unit")
        double weight_frontLine() default 30;

        @AttributeDefinition(description = "Weighted mode: points × 1/(1 + days of cover left); unknown cover none")
        double weight_cover() default 20;

        @AttributeDefinition(description = "Weighted mode: points × days waiting / 30 (at most the full weight)")
        double weight_waiting() default 10;
    }

    /** What one configuration decides; replaced whole so a ranking never sees half a change. */
    record Settings(Mode mode, List<Criterion> order, Map<Criterion, Double> weights) {
    }

    private volatile Settings settings;

    /** Lexicographic, for tests and other bundles' code paths that need the policy without DS. */
    public DefaultPriorityPolicy(List<Criterion> order) {
        this.settings = new Settings(Mode.LEXICOGRAPHIC, List.copyOf(order), DEFAULT_WEIGHTS);
    }

    /**
     * Weighted, for tests and code paths without DS: the weights of the criteria that count (others count 0).
     * A factory, not a constructor: DS picks a one-argument constructor whose parameter it can fill, and it
     * fills a {@code Map} with the component properties.
     */
    public static DefaultPriorityPolicy weighted(Map<Criterion, Double> weights) {
        return new DefaultPriorityPolicy(new Settings(Mode.WEIGHTED, DEFAULT_ORDER, checkWeights(weights)));
    }

    private DefaultPriorityPolicy(Settings settings) {
        this.settings = settings;
    }

    @Activate
    public DefaultPriorityPolicy(Config config) {
        this.settings = settings(config);
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(config);
        LOG.info("Priority policy is now {}", settings);
    }

    public List<Criterion> order() {
        return settings.order();
    }

    public Mode mode() {
        return settings.mode();
    }

    /** Reads a configuration; an unknown mode or criterion, or a negative or non-finite weight, fails it. */
    static Settings settings(Config config) {
        String m = config.mode() == null ? "" : config.mode().strip().toLowerCase(Locale.ROOT);
        Mode mode = switch (m) {
            case "", "lexicographic" -> Mode.LEXICOGRAPHIC;
            case "weighted" -> Mode.WEIGHTED;
            default -> throw new IllegalArgumentException("Unknown priority policy mode " + config.mode()
                    + " (lexicographic or weighted)");
        };
        return new Settings(mode, parse(config.criteria()), checkWeights(weights(config.weight_keyArea(),
                config.weight_urgency(), config.weight_frontLine(), config.weight_cover(), config.weight_waiting())));
    }

    static Map<Criterion, Double> weights(double keyArea, double urgency, double frontLine, double cover,
            double waiting) {
        Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
        w.put(Criterion.KEY_AREA, keyArea);
        w.put(Criterion.URGENCY, urgency);
        w.put(Criterion.FRONT_LINE, frontLine);
        w.put(Criterion.DAYS_OF_COVER, cover);
        w.put(Criterion.WAITING, waiting);
        return Collections.unmodifiableMap(w);
    }

    private static Map<Criterion, Double> checkWeights(Map<Criterion, Double> weights) {
        Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            double v = weights.getOrDefault(c, 0.0);
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("Priority weight for " + c + " must be zero or more, not " + v);
            }
            w.put(c, v);
        }
        return Collections.unmodifiableMap(w);
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
        Settings current = settings;
        if (current.mode() == Mode.WEIGHTED) {
            return rankWeighted(needs, now, current.weights());
        }
        List<Criterion> criteria = current.order();
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
                case DAYS_OF_COVER -> n.daysOfCoverLeft() == null ? "C-" : "C" + zeroPadded(n.daysOfCoverLeft(), 4);
                case WAITING -> "W" + n.createdAt().getEpochSecond();
            }).append('|');
        }
        return sb.append('#').append(n.id()).toString();
    }

    /** {@code %04d} without String.format, which cost a tenth of ranking 10,000 needs. */
    static String zeroPadded(int n, int width) {
        if (n < 0) {
            return "-" + zeroPadded(-n, width - 1);
        }
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
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

    // ---------------------------------------------------------------- weighted mode

    /** One need's score and its parts, in criterion order (only criteria with a weight). */
    record Score(NeedView need, double total, List<String> parts) {
    }

    static List<RankedNeed> rankWeighted(List<NeedView> needs, Instant now, Map<Criterion, Double> weights) {
        List<Score> scores = new ArrayList<>(needs.size());
        for (NeedView n : needs) {
            scores.add(score(n, now, weights));
        }
        // highest score first; ties: fewer days of cover (unknown last), longer waiting, need id
        scores.sort(Comparator.comparingDouble((Score s) -> -s.total())
                .thenComparing(s -> s.need(), comparator(Criterion.DAYS_OF_COVER))
                .thenComparing(s -> s.need(), comparator(Criterion.WAITING))
                .thenComparingLong(s -> s.need().id()));
        List<RankedNeed> out = new ArrayList<>(scores.size());
        int rank = 1;
        for (Score s : scores) {
            String key = String.format(Locale.ROOT, "S%.1f|", s.total())
                    + sortKey(s.need(), List.of(Criterion.DAYS_OF_COVER, Criterion.WAITING));
            String reason = String.format(Locale.ROOT, "score %.1f = ", s.total())
                    + (s.parts().isEmpty() ? "no weighted criteria" : String.join("; ", s.parts()));
            out.add(new RankedNeed(s.need(), rank++, key, reason));
        }
        return out;
    }

    /** The score, compared exactly; the reason shows each part rounded to one decimal. */
    static Score score(NeedView n, Instant now, Map<Criterion, Double> weights) {
        double total = 0;
        List<String> parts = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            double w = weights.getOrDefault(c, 0.0);
            if (w == 0) {
                continue;
            }
            double points = w * value(c, n, now);
            total += points;
            parts.add(reason(n, List.of(c), now) + String.format(Locale.ROOT, " +%.1f", points));
        }
        return new Score(n, total, parts);
    }

    /** A criterion's value for a need, in [0, 1]. */
    static double value(Criterion c, NeedView n, Instant now) {
        return switch (c) {
            case KEY_AREA -> n.keyArea() ? 1 : 0;
            case URGENCY -> switch (n.urgency()) {
                case IMMEDIATE -> 1;
                case H72 -> 0.5;
                case ROUTINE -> 0;
            };
            case FRONT_LINE -> n.frontLine() ? 1 : 0;
            case DAYS_OF_COVER -> n.daysOfCoverLeft() == null ? 0 : 1.0 / (1 + n.daysOfCoverLeft());
            case WAITING -> {
                long hours = Math.max(0, Duration.between(n.createdAt(), now).toHours());
                yield Math.min(1, hours / 24.0 / WAITING_FULL_DAYS);
            }
        };
    }

    static String waiting(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.toDays() >= 1 ? d.toDays() + " d" : d.toHours() + " h";
    }
}
