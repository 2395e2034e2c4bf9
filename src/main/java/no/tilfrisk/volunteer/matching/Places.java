package no.tilfrisk.volunteer.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Centre points of municipalities and their areas (Oslo's bydeler), from the shipped data file
 * {@code reference/place-centres.csv} (its header names the public sources), looked up by name with case and
 * surrounding spaces ignored.
 */
public final class Places {

    /** The shipped data file, on the class path. */
    public static final String RESOURCE = "/reference/place-centres.csv";

    private static final class Shipped {
        static final Places PLACES = load();
    }

    private final Map<String, GeoPoint> municipalities;
    private final Map<String, GeoPoint> areas;

    private Places(Map<String, GeoPoint> municipalities, Map<String, GeoPoint> areas) {
        this.municipalities = Map.copyOf(municipalities);
        this.areas = Map.copyOf(areas);
    }

    /** The points of the shipped data file, read once. */
    public static Places shipped() {
        return Shipped.PLACES;
    }

    /** Lines of the form {@code municipality;area;latitude;longitude;source}; {@code #} lines and blank ones skipped. */
    public static Places parse(List<String> lines) {
        Map<String, GeoPoint> municipalities = new HashMap<>();
        Map<String, GeoPoint> areas = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length < 4 || f[0].isBlank()) {
                throw new IllegalArgumentException("Not a place line: " + line);
            }
            GeoPoint point = new GeoPoint(Double.parseDouble(f[2].strip()), Double.parseDouble(f[3].strip()));
            GeoPoint before = f[1].isBlank() ? municipalities.put(key(f[0]), point)
                    : areas.put(key(f[0]) + "/" + key(f[1]), point);
            if (before != null) {
                throw new IllegalArgumentException("A place listed twice: " + line);
            }
        }
        return new Places(municipalities, areas);
    }

    /**
     * Where a person of this municipality and area is: the area's point when listed, else the municipality's, else
     * empty.
     */
    public Optional<Location> locate(String municipality, String area) {
        if (municipality == null || municipality.isBlank()) {
            return Optional.empty();
        }
        if (area != null && !area.isBlank()) {
            GeoPoint point = areas.get(key(municipality) + "/" + key(area));
            if (point != null) {
                return Optional.of(new Location(point, true));
            }
        }
        return Optional.ofNullable(municipalities.get(key(municipality))).map(p -> new Location(p, false));
    }

    /** How many points are listed, municipalities and areas together. */
    public int size() {
        return municipalities.size() + areas.size();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Places load() {
        InputStream in = Places.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The place centres are missing: " + RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
