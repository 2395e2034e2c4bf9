package no.tilfrisk.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 004's appendices as shared entries of the directory: appendix 3's 32 institutions and appendix 4's 37
 * offers in Oslo's city centre, with the seed's figures as written kept beside them («tall fra 2016/2017»).
 * Opening hours are not in the seed and are left unknown. The tags for the filters come from the data file's own
 * classification columns (appendix 4) or from the institution's type as the seed words it (appendix 3, see
 * {@link #institution}).
 */
@Service
public class SeedOffers {

    public static final String APPENDIX_3 = "SEED_004_APPENDIX_3";
    public static final String APPENDIX_4 = "SEED_004_APPENDIX_4";

    private final OfferRecords records;
    private final JdbcClient db;
    private final TransactionTemplate tx;

    SeedOffers(OfferRecords records, JdbcClient db, TransactionTemplate tx) {
        this.records = records;
        this.db = db;
        this.tx = tx;
    }

    /** The fixed id of a seed row, so that loading twice adds nothing. */
    public static UUID idOf(String source, String name) {
        return UUID.nameUUIDFromBytes((source + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the rows that are not there yet; returns how many were new. */
    public int load(List<Map<String, String>> institutions, List<Map<String, String>> centreOffers) {
        // no organisation in the transaction: the entries are the network's, written under the shared mark
        Integer added = tx.execute(s -> {
            db.sql("SELECT set_config('app.directory_shared', 'on', true)").query(String.class).single();
            int n = 0;
            for (Map<String, String> row : institutions) {
                n += write(APPENDIX_3, institution(row), institutionFigures(row));
            }
            for (Map<String, String> row : centreOffers) {
                n += write(APPENDIX_4, centreOffer(row), centreFigures(row));
            }
            return n;
        });
        return added == null ? 0 : added;
    }

    private int write(String source, OfferForm form, Map<String, String> figures) {
        UUID id = idOf(source, form.getName());
        boolean added = records.insert(id, null, source, form, OfferRules.parse(form), figures, null, null);
        if (added) {
            records.recordChange(id, null, "IMPORTED", List.of(), null, "Tilfrisk");
        }
        return added ? 1 : 0;
    }

    /**
     * An institution of appendix 3. Its type names what it is (Omsorg → housing, Rehabilitering → treatment and
     * housing, Akutt/Korttid → shelter, «Rus og psykisk helse» → treatment) and for whom (aktiv rus → active use,
     * rusfri → former use, Unge voksne → young adults, psykisk helse → mental health); K or M alone → women or men.
     */
    static OfferForm institution(Map<String, String> row) {
        String type = row.get("type");
        String lower = type.toLowerCase(Locale.ROOT);
        OfferForm form = base(row.get("name"));
        form.setDescription(type);
        form.setOperatorKind("K".equals(row.get("ownership")) ? OperatorKind.MUNICIPAL : OperatorKind.PRIVATE);
        form.setCapacity(Integer.valueOf(row.get("places")));
        List<String> needs = new ArrayList<>();
        if (lower.contains("omsorg")) {
            needs.add("housing");
        }
        if (lower.contains("rehabilitering") || lower.contains("psykisk")) {
            needs.add("treatment");
        }
        if (lower.contains("rehabilitering")) {
            needs.add("housing");
        }
        if (lower.contains("akutt") || lower.contains("korttid") || lower.contains("kortid")) {
            needs.add("shelter");
        }
        List<String> groups = new ArrayList<>();
        if (lower.contains("aktiv")) {
            groups.add("active-use");
        }
        if (lower.contains("rusfri")) {
            groups.add("former-use");
        }
        if (lower.contains("unge voksne")) {
            groups.add("young-adults");
        }
        if (lower.contains("psykisk")) {
            groups.add("mental-health");
        }
        if ("K".equals(row.get("gender"))) {
            groups.add("women");
        } else if ("M".equals(row.get("gender"))) {
            groups.add("men");
        }
        form.setNeeds(needs);
        form.setTargetGroups(groups);
        return form;
    }

    static Map<String, String> institutionFigures(Map<String, String> row) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("type", row.get("type"));
        figures.put("places", row.get("places"));
        figures.put("gender", row.get("gender"));
        figures.put("ownership", row.get("ownership"));
        return figures;
    }

    /** An offer of appendix 4, in the city centre of Oslo. */
    static OfferForm centreOffer(Map<String, String> row) {
        OfferForm form = base(row.get("name"));
        form.setDescription(row.get("offers"));
        form.setTargetText(row.get("target_group"));
        form.setArea("Sentrum");
        form.setOperatorKind(OperatorKind.valueOf(row.get("operator_kind")));
        form.setNeeds(List.of(row.getOrDefault("needs", "").split(",")));
        form.setTargetGroups(List.of(row.getOrDefault("target_groups", "").split(",")));
        return form;
    }

    static Map<String, String> centreFigures(Map<String, String> row) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String column : List.of("paid_fte", "volunteer_fte", "users_2016", "grant_2017")) {
            if (row.containsKey(column)) {
                figures.put(column, row.get(column));
            }
        }
        return figures;
    }

    private static OfferForm base(String name) {
        OfferForm form = new OfferForm();
        form.setName(name);
        form.setMunicipality("Oslo");
        form.setHoursKnown(false);
        form.setPublished(true);
        form.setShared(true);
        return form;
    }

    /** The data rows of a semicolon file with a header line and {@code #} comments: column → text, empty ones left out. */
    public static List<Map<String, String>> parse(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : text.split("\\R")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(";", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalArgumentException("A row with " + cells.length + " cells, not " + header.length + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (!cells[i].isEmpty()) {
                    row.put(header[i], cells[i]);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
