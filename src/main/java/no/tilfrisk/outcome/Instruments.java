package no.tilfrisk.outcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The instruments, read at start from {@code classpath*:instruments/*.yaml}: every version of each, so that old
 * answers keep theirs. A definition that does not make sense stops the start with a message naming the file.
 */
@Component
public class Instruments {

    /** The order the built-in instruments are shown and scheduled in; any others follow by id. */
    static final List<String> ORDER = List.of("who-5", "barc-10", "russtatus", "livskvalitet", "meningsfullt-liv");

    private final Map<String, Instrument> byKey = new LinkedHashMap<>();
    private final Map<String, Instrument> latest = new LinkedHashMap<>();

    public Instruments() {
        this("classpath*:instruments/*.yaml");
    }

    Instruments(String pattern) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instrument> all = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                all.add(parse(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Instrument definition " + resource.getFilename() + ": " + e.getMessage(), e);
            }
        }
        all.sort(Comparator.comparing((Instrument i) -> ORDER.contains(i.id()) ? ORDER.indexOf(i.id()) : ORDER.size())
                .thenComparing(Instrument::id).thenComparing(Instrument::version));
        for (Instrument i : all) {
            if (byKey.put(i.key(), i) != null) {
                throw new IllegalStateException("Instrument " + i.key() + " is defined twice");
            }
            latest.put(i.id(), i);
        }
    }

    /** The latest version of every instrument, in the order they are shown. */
    public List<Instrument> all() {
        return List.copyOf(latest.values());
    }

    /** The latest version. */
    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(id == null ? null : latest.get(id));
    }

    /** A given version, as an answer was given under. */
    public Optional<Instrument> find(String id, int version) {
        return Optional.ofNullable(byKey.get(id + "@" + version));
    }

    /** The score of these answers under this instrument version: computed, never typed in. */
    public Score score(Instrument instrument, Map<String, Integer> answers) {
        return Scorers.score(instrument, answers);
    }

    @SuppressWarnings("unchecked")
    static Instrument parse(Map<String, Object> y) {
        String id = (String) require(y, "id");
        int version = ((Number) require(y, "version")).intValue();
        Instrument.Scale defaultScale = y.containsKey("scale") ? scale((Map<String, Object>) y.get("scale")) : null;
        List<Instrument.Item> items = new ArrayList<>();
        for (Map<String, Object> item : (List<Map<String, Object>>) require(y, "items")) {
            Instrument.Scale scale = item.containsKey("scale") ? scale((Map<String, Object>) item.get("scale")) : defaultScale;
            if (scale == null) {
                throw new IllegalStateException("item " + item.get("id") + " has no scale");
            }
            items.add(new Instrument.Item((String) require(item, "id"), Text.of(require(item, "text")), scale,
                    "choice".equals(item.get("kind"))));
        }
        if (items.isEmpty() || items.stream().map(Instrument.Item::id).distinct().count() != items.size()) {
            throw new IllegalStateException("items must be there, each with its own id");
        }
        Map<String, Object> s = (Map<String, Object>) require(y, "scoring");
        String kind = (String) require(s, "kind");
        if (!List.of("sum", "scaled-sum", "substance-status").contains(kind)) {
            throw new IllegalStateException("unknown scoring kind " + kind);
        }
        Instrument.Scoring scoring = new Instrument.Scoring(kind, intOr(s, "factor", 1), (String) s.get("goalItem"),
                intOr(s, "reducedMaxDays", 0), intOr(s, "min", 0), intOr(s, "max", 100), Text.of(s.get("description")));
        List<Instrument.CutOff> cutOffs = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) y.getOrDefault("cutOffs", List.of())) {
            cutOffs.add(new Instrument.CutOff((String) require(c, "key"), ((Number) require(c, "value")).intValue(),
                    Instrument.Direction.valueOf((String) require(c, "direction")), Text.of(require(c, "meaning"))));
        }
        Map<String, Object> licence = (Map<String, Object>) y.getOrDefault("licence", Map.of());
        Number change = (Number) y.get("meaningfulChange");
        return new Instrument(id, version, Text.of(require(y, "name")), Text.of(y.get("recallPeriod")),
                (String) y.get("source"), Boolean.TRUE.equals(licence.get("required")), Text.of(licence.get("note")),
                Text.of(y.get("translation")), List.copyOf(items), scoring, List.copyOf(cutOffs),
                change == null ? null : change.intValue());
    }

    @SuppressWarnings("unchecked")
    private static Instrument.Scale scale(Map<String, Object> s) {
        Map<Integer, Instrument.Label> labels = new TreeMap<>();
        ((Map<Object, Object>) s.getOrDefault("labels", Map.of())).forEach((k, v) -> labels.put(
                ((Number) k).intValue(), new Instrument.Label(Text.of(v),
                        v instanceof Map<?, ?> m && m.get("code") != null ? m.get("code").toString() : null)));
        int min = ((Number) require(s, "min")).intValue();
        int max = ((Number) require(s, "max")).intValue();
        if (max < min) {
            throw new IllegalStateException("scale max below min");
        }
        return new Instrument.Scale(min, max, Collections.unmodifiableMap(labels));
    }

    private static Object require(Map<String, Object> y, String key) {
        Object v = y.get(key);
        if (v == null) {
            throw new IllegalStateException("missing " + key);
        }
        return v;
    }

    private static int intOr(Map<String, Object> y, String key, int fallback) {
        Object v = y.get(key);
        return v == null ? fallback : ((Number) v).intValue();
    }
}
