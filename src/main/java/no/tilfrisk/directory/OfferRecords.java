package no.tilfrisk.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the directory's tables, with no rights checks (the services do those). The «open» filters are the
 * SQL twin of {@link OpeningHours#openIn}: a set of offer ids open in each {@link DayWindow}, from the day's own
 * exception, or else its weekday unless it is a public holiday, and the tails past midnight of the day before.
 */
@Component
class OfferRecords {

    static final String COLUMNS = """
            o.id, o.organisation_id, o.source, o.name, o.operator_name, o.operator_kind, o.description, o.needs,
            o.target_groups, o.target_text, o.low_threshold, o.referral_from, o.free, o.cost, o.address, o.area,
            o.municipality, o.phone, o.web, o.languages, o.accessibility, o.capacity, o.hours_known,
            o.source_figures::text AS source_figures, o.published, o.last_confirmed, o.version, o.updated_at""";

    private final JdbcClient db;
    private final JsonMapper json;
    private final PublicLists lists;

    OfferRecords(JdbcClient db, JsonMapper json, PublicLists lists) {
        this.db = db;
        this.json = json;
        this.lists = lists;
    }

    // ---- search ------------------------------------------------------------------------------------------------

    ResultPage<OfferSummary> search(OfferSearch search, List<DayWindow> filter, List<DayWindow> now,
                                    Optional<UUID> ownOrganisation) {
        planWithTheValues(db);
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        where.add(ownOrganisation.isPresent() ? "(o.published OR o.organisation_id = :own)" : "o.published");
        ownOrganisation.ifPresent(own -> params.put("own", own));
        if (search.q() != null) {
            String[] words = search.q().toLowerCase(Locale.ROOT).trim().split("\\s+");
            for (int i = 0; i < Math.min(words.length, 8); i++) {
                where.add("o.search_text LIKE :w" + i + " ESCAPE '\\'");
                params.put("w" + i, "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (!search.needs().isEmpty()) {
            where.add("o.needs && CAST(:needs AS text[])");
            params.put("needs", search.needCodes().toArray(String[]::new));
        }
        if (!search.groups().isEmpty()) {
            where.add("o.target_groups && CAST(:groups AS text[])");
            params.put("groups", search.groupCodes().toArray(String[]::new));
        }
        if (search.lowThreshold()) {
            where.add("o.low_threshold");
        }
        if (search.free()) {
            where.add("o.free");
        }
        if (search.area() != null) {
            where.add("lower(o.area) = lower(:area)");
            params.put("area", search.area());
        }
        if (search.language() != null) {
            where.add(":language = ANY (o.languages)");
            params.put("language", search.language());
        }
        boolean filterIsNow = filter.equals(now);
        if (filterIsNow) {
            where.add("o.id IN (SELECT offer_id FROM open_now)");
        } else if (!filter.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < filter.size(); i++) {
                any.add("o.id IN (" + openIds(filter.get(i), "f" + i, params) + ")");
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        params.put("limit", search.size());
        params.put("offset", search.page() * search.size());
        // one statement: «open now» worked out once (a hashed set of a few thousand ids, by the hours' indexes of
        // V90), the matches once, and from them both the total and the page; the total's row comes even when the
        // page is past the end
        long[] total = {0};
        List<OfferSummary> items = new ArrayList<>();
        db.sql("WITH open_now AS MATERIALIZED (" + openIds(now.get(0), "n", params) + "), "
                        + "matches AS MATERIALIZED (SELECT o.id, o.name, o.operator_name, o.area, o.needs, o.target_groups, "
                        + "o.low_threshold, o.free, o.hours_known FROM offer o WHERE " + String.join(" AND ", where) + ") "
                        + "SELECT t.total, p.* FROM (SELECT count(*) AS total FROM matches) t LEFT JOIN LATERAL ("
                        + "SELECT m.*, m.id IN (SELECT offer_id FROM open_now) AS open_now FROM matches m "
                        + "ORDER BY lower(m.name), m.id LIMIT :limit OFFSET :offset) p ON true")
                .params(params)
                .query(rs -> {
                    total[0] = rs.getLong("total");
                    if (rs.getObject("id") != null) {
                        items.add(new OfferSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                                rs.getString("operator_name"), rs.getString("area"), needs(rs), groups(rs),
                                bool(rs, "low_threshold"), bool(rs, "free"), rs.getBoolean("hours_known"),
                                rs.getBoolean("open_now")));
                    }
                });
        return new ResultPage<>(items, search.page(), search.size(), total[0]);
    }

    /**
     * Plans this transaction's statements with the values they are given. After five runs of one statement the
     * driver prepares it on the server, and PostgreSQL may then keep a generic plan: for the search that plan
     * guesses one matching offer (a {@code LIKE} on an unknown pattern) and walks the whole «open at» set once per
     * offer, a hundred times slower at 5,000 offers (1 s instead of 11 ms for one count; minutes for a page).
     * Planning anew costs about 2 ms. Must run inside the caller's transaction.
     */
    static void planWithTheValues(JdbcClient db) {
        db.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }

    /** The ids of offers open at some moment of the window (parameters named with the prefix). */
    static String openIds(DayWindow window, String p, Map<String, Object> params) {
        params.put(p + "d", window.date());
        params.put(p + "w", window.date().getDayOfWeek().getValue());
        params.put(p + "hol", window.holiday());
        params.put(p + "d1", window.date().minusDays(1));
        params.put(p + "w1", window.date().minusDays(1).getDayOfWeek().getValue());
        params.put(p + "hol1", window.dayBeforeHoliday());
        params.put(p + "from", window.from().toString());
        params.put(p + "to", window.untilText());
        String from = "CAST(:" + p + "from AS time)";
        String to = "CAST(:" + p + "to AS time)";
        return """
                SELECT e.offer_id FROM offer_hours_exception e
                 WHERE e.on_date = :%1$sd AND NOT e.closed AND e.opens < %3$s AND (e.past_midnight OR e.closes > %2$s)
                UNION ALL
                SELECT h.offer_id FROM offer_hours h
                 WHERE NOT :%1$shol AND h.weekday = :%1$sw AND h.opens < %3$s AND (h.past_midnight OR h.closes > %2$s)
                   AND NOT EXISTS (SELECT 1 FROM offer_hours_exception x WHERE x.offer_id = h.offer_id AND x.on_date = :%1$sd)
                UNION ALL
                SELECT e.offer_id FROM offer_hours_exception e
                 WHERE e.on_date = :%1$sd1 AND NOT e.closed AND e.past_midnight AND e.closes > %2$s
                UNION ALL
                SELECT h.offer_id FROM offer_hours h
                 WHERE NOT :%1$shol1 AND h.weekday = :%1$sw1 AND h.past_midnight AND h.closes > %2$s
                   AND NOT EXISTS (SELECT 1 FROM offer_hours_exception x WHERE x.offer_id = h.offer_id AND x.on_date = :%1$sd1)"""
                .formatted(p, from, to);
    }

    // ---- one offer ---------------------------------------------------------------------------------------------

    Optional<Offer> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM offer o WHERE o.id = ?").param(id)
                .query((rs, i) -> offer(rs, hours(id))).optional();
    }

    /** Every published offer with its hours, in three queries (the exports). */
    List<Offer> published() {
        Map<UUID, List<WeeklyHours>> week = new java.util.HashMap<>();
        db.sql("SELECT offer_id, weekday, opens, closes, past_midnight FROM offer_hours WHERE published ORDER BY weekday, opens")
                .query(rs -> {
                    week.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new WeeklyHours(
                            DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
                            rs.getBoolean(5)));
                });
        Map<UUID, List<DateHours>> dates = new java.util.HashMap<>();
        db.sql("SELECT offer_id, on_date, closed, opens, closes, past_midnight, note FROM offer_hours_exception WHERE published ORDER BY on_date")
                .query(rs -> {
                    dates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new DateHours(
                            rs.getObject(2, LocalDate.class), rs.getBoolean(3), rs.getObject(4, LocalTime.class),
                            rs.getObject(5, LocalTime.class), rs.getBoolean(6), rs.getString(7)));
                });
        return db.sql("SELECT " + COLUMNS + " FROM offer o WHERE o.published ORDER BY lower(o.name), o.id")
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    OpeningHours hours = rs.getBoolean("hours_known")
                            ? new OpeningHours(true, week.getOrDefault(id, List.of()), dates.getOrDefault(id, List.of()))
                            : OpeningHours.UNKNOWN;
                    return offer(rs, hours);
                })
                .list();
    }

    boolean exists(UUID id) {
        return db.sql("SELECT count(*) FROM offer WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    /** The newest change of any published offer: what the lists' validators follow. */
    OffsetDateTime lastChange() {
        return db.sql("SELECT max(updated_at) FROM offer").query(OffsetDateTime.class).optional().orElse(null);
    }

    OpeningHours hours(UUID offerId) {
        boolean known = db.sql("SELECT hours_known FROM offer WHERE id = ?").param(offerId).query(Boolean.class)
                .optional().orElse(false);
        if (!known) {
            return OpeningHours.UNKNOWN;
        }
        List<WeeklyHours> week = db.sql("SELECT weekday, opens, closes, past_midnight FROM offer_hours WHERE offer_id = ? ORDER BY weekday, opens")
                .param(offerId)
                .query((rs, i) -> new WeeklyHours(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class), rs.getBoolean(4)))
                .list();
        List<DateHours> dates = db.sql("SELECT on_date, closed, opens, closes, past_midnight, note FROM offer_hours_exception WHERE offer_id = ? ORDER BY on_date")
                .param(offerId)
                .query((rs, i) -> new DateHours(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getBoolean(5),
                        rs.getString(6)))
                .list();
        return new OpeningHours(true, week, dates);
    }

    Offer offer(ResultSet rs, OpeningHours hours) throws SQLException {
        String figures = rs.getString("source_figures");
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("source"), rs.getString("name"), rs.getString("operator_name"),
                OperatorKind.valueOf(rs.getString("operator_kind")), rs.getString("description"), needs(rs),
                groups(rs), rs.getString("target_text"), bool(rs, "low_threshold"), rs.getString("referral_from"),
                bool(rs, "free"), rs.getString("cost"), rs.getString("address"), rs.getString("area"),
                rs.getString("municipality"), rs.getString("phone"), rs.getString("web"), texts(rs, "languages"),
                texts(rs, "accessibility"), (Integer) rs.getObject("capacity"), hours,
                figures == null ? Map.of() : json.readValue(figures, new TypeReference<LinkedHashMap<String, String>>() { }),
                rs.getBoolean("published"), rs.getObject("last_confirmed", LocalDate.class), rs.getInt("version"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Inserts the offer or, when the id exists, nothing; true when it was new. */
    boolean insert(UUID id, UUID organisationId, String source, OfferForm form, OfferRules.Parsed parsed,
                   Map<String, String> figures, LocalDate lastConfirmed, UUID by) {
        int added = db.sql("""
                        INSERT INTO offer (id, organisation_id, source, name, operator_name, operator_kind, description,
                            needs, target_groups, target_text, low_threshold, referral_from, free, cost, address, area,
                            municipality, phone, web, languages, accessibility, capacity, hours_known, source_figures,
                            published, last_confirmed, updated_by)
                        VALUES (:id, :org, :source, :name, :operatorName, :operatorKind, :description, :needs, :groups,
                            :targetText, :lowThreshold, :referralFrom, :free, :cost, :address, :area, :municipality,
                            :phone, :web, :languages, :accessibility, :capacity, :hoursKnown, CAST(:figures AS jsonb),
                            :published, :lastConfirmed, :by)
                        ON CONFLICT (id) DO NOTHING""")
                .params(values(form, parsed))
                .param("id", id).param("org", organisationId).param("source", source)
                .param("figures", figures == null || figures.isEmpty() ? null : json.writeValueAsString(figures))
                .param("lastConfirmed", lastConfirmed).param("by", by)
                .update();
        if (added == 1) {
            writeHours(id, organisationId, form.isPublished(), parsed.hours());
            lists.changed();
        }
        return added == 1;
    }

    /** Updates the offer if its version is still {@code version}; false when someone changed it meanwhile. */
    boolean update(UUID id, UUID organisationId, int version, OfferForm form, OfferRules.Parsed parsed,
                   LocalDate lastConfirmed, UUID by) {
        int changed = db.sql("""
                        UPDATE offer SET name = :name, operator_name = :operatorName, operator_kind = :operatorKind,
                            description = :description, needs = :needs, target_groups = :groups, target_text = :targetText,
                            low_threshold = :lowThreshold, referral_from = :referralFrom, free = :free, cost = :cost,
                            address = :address, area = :area, municipality = :municipality, phone = :phone, web = :web,
                            languages = :languages, accessibility = :accessibility, capacity = :capacity,
                            hours_known = :hoursKnown, published = :published, last_confirmed = :lastConfirmed,
                            version = version + 1, updated_at = now(), updated_by = :by
                         WHERE id = :id AND version = :version""")
                .params(values(form, parsed))
                .param("id", id).param("version", version).param("lastConfirmed", lastConfirmed).param("by", by)
                .update();
        if (changed == 1) {
            db.sql("DELETE FROM offer_hours WHERE offer_id = ?").param(id).update();
            db.sql("DELETE FROM offer_hours_exception WHERE offer_id = ?").param(id).update();
            writeHours(id, organisationId, form.isPublished(), parsed.hours());
            lists.changed();
        }
        return changed == 1;
    }

    boolean confirm(UUID id, LocalDate on, UUID by) {
        return db.sql("UPDATE offer SET last_confirmed = ?, updated_at = now(), updated_by = ?, version = version + 1 WHERE id = ?")
                .params(on, by, id).update() == 1;
    }

    private void writeHours(UUID offerId, UUID organisationId, boolean published, OpeningHours hours) {
        if (!hours.known()) {
            return;
        }
        for (WeeklyHours h : hours.week()) {
            db.sql("INSERT INTO offer_hours (id, offer_id, organisation_id, published, weekday, opens, closes, past_midnight) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), offerId, organisationId, published, h.weekday().getValue(), h.opens(),
                            h.closes(), h.pastMidnight())
                    .update();
        }
        for (DateHours d : hours.exceptions()) {
            db.sql("INSERT INTO offer_hours_exception (id, offer_id, organisation_id, published, on_date, closed, opens, closes, past_midnight, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), offerId, organisationId, published, d.date(), d.closed(), d.opens(),
                            d.closes(), d.pastMidnight(), d.note())
                    .update();
        }
    }

    private static Map<String, Object> values(OfferForm form, OfferRules.Parsed parsed) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", parsed.name());
        v.put("operatorName", blank(form.getOperatorName()));
        v.put("operatorKind", form.getOperatorKind().name());
        v.put("description", blank(form.getDescription()));
        v.put("needs", parsed.needs().stream().map(Need::code).toArray(String[]::new));
        v.put("groups", parsed.groups().stream().map(TargetGroup::code).toArray(String[]::new));
        v.put("targetText", blank(form.getTargetText()));
        v.put("lowThreshold", form.getLowThreshold());
        v.put("referralFrom", blank(form.getReferralFrom()));
        v.put("free", form.getFree());
        v.put("cost", blank(form.getCost()));
        v.put("address", blank(form.getAddress()));
        v.put("area", blank(form.getArea()));
        v.put("municipality", blank(form.getMunicipality()));
        v.put("phone", parsed.phone());
        v.put("web", parsed.web());
        v.put("languages", parsed.languages().toArray(String[]::new));
        v.put("accessibility", parsed.accessibility().toArray(String[]::new));
        v.put("capacity", form.getCapacity());
        v.put("hoursKnown", parsed.hours().known());
        v.put("published", form.isPublished());
        return v;
    }

    private static String blank(String s) {
        return no.tilfrisk.platform.Text.blankToNull(s);
    }

    // ---- history and review ------------------------------------------------------------------------------------

    void recordChange(UUID offerId, UUID organisationId, String kind, List<String> fields, UUID by, String byName) {
        db.sql("INSERT INTO offer_change (id, offer_id, organisation_id, kind, fields, changed_by, changed_by_name) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), offerId, organisationId, kind, fields.toArray(String[]::new), by, byName)
                .update();
    }

    List<OfferChange> history(UUID offerId) {
        return db.sql("SELECT changed_at, changed_by_name, kind, fields FROM offer_change WHERE offer_id = ? ORDER BY changed_at DESC, id LIMIT 200")
                .param(offerId)
                .query((rs, i) -> new OfferChange(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), texts(rs, "fields")))
                .list();
    }

    /** The offers an organisation keeps (and the shared ones, for an editor), by name. */
    List<OfferSummary> kept(UUID organisationId, boolean shared) {
        return unconfirmedSince(LocalDate.of(9999, 1, 1), organisationId, shared).stream()
                .sorted(java.util.Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT))).toList();
    }

    /** The offers the caller keeps that were last confirmed before the date (or never). */
    List<OfferSummary> unconfirmedSince(LocalDate before, UUID organisationId, boolean shared) {
        return db.sql("""
                        SELECT o.id, o.name, o.operator_name, o.area, o.needs, o.target_groups, o.low_threshold, o.free,
                               o.hours_known, o.last_confirmed FROM offer o
                         WHERE (o.organisation_id = :org OR (:shared AND o.organisation_id IS NULL))
                           AND (o.last_confirmed IS NULL OR o.last_confirmed < :before)
                         ORDER BY o.last_confirmed NULLS FIRST, lower(o.name) LIMIT 500""")
                .param("org", organisationId).param("shared", shared).param("before", before)
                .query((rs, i) -> new OfferSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("operator_name"), rs.getString("area"), needs(rs), groups(rs),
                        bool(rs, "low_threshold"), bool(rs, "free"), rs.getBoolean("hours_known"), false))
                .list();
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    static List<Need> needs(ResultSet rs) throws SQLException {
        return Arrays.stream((String[]) rs.getArray("needs").getArray()).map(Need::of).toList();
    }

    static List<TargetGroup> groups(ResultSet rs) throws SQLException {
        return Arrays.stream((String[]) rs.getArray("target_groups").getArray()).map(TargetGroup::of).toList();
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
