package no.tilfrisk.volunteer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.volunteer.matching.VolunteerKind;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer tables of profiles, screening and the organisation's setting, read and written without rights
 * checks or audit: {@link Volunteers} does those. Every statement stays inside the caller's organisation.
 */
@Component
class VolunteerRecords {

    private final JdbcClient db;

    VolunteerRecords(JdbcClient db) {
        this.db = db;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    // ---------------------------------------------------------------- the setting

    int policeCertificateYears() {
        return db.sql("SELECT police_certificate_years FROM volunteer_setting WHERE organisation_id = ?")
                .param(org()).query(Integer.class).optional().orElse(3);
    }

    void setPoliceCertificateYears(int years, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_setting (organisation_id, police_certificate_years, updated_by) VALUES (?, ?, ?)
                        ON CONFLICT (organisation_id) DO UPDATE
                           SET police_certificate_years = excluded.police_certificate_years, updated_at = now(),
                               updated_by = excluded.updated_by""")
                .params(org(), years, by).update();
    }

    // ---------------------------------------------------------------- profiles

    Optional<VolunteerProfile> profile(UUID personId) {
        return db.sql("SELECT * FROM volunteer_profile WHERE person_id = ? AND organisation_id = ?")
                .params(personId, org()).query((rs, i) -> profile(rs)).optional();
    }

    /** Every profile of the organisation. */
    List<VolunteerProfile> profiles() {
        return db.sql("SELECT * FROM volunteer_profile WHERE organisation_id = ?")
                .param(org()).query((rs, i) -> profile(rs)).list();
    }

    void saveProfile(VolunteerProfile p, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_profile (person_id, organisation_id, kind, interest_ids, languages, municipality,
                                                       area, availability, skill_areas, preferred_gender, min_age, max_age,
                                                       wont_do, capacity, presentation, created_by, updated_by)
                        VALUES (:person, :org, :kind, :interests, :languages, :municipality, :area, :availability, :skills,
                                :gender, :minAge, :maxAge, :wontDo, :capacity, :presentation, :by, :by)
                        ON CONFLICT (person_id) DO UPDATE
                           SET kind = excluded.kind, interest_ids = excluded.interest_ids, languages = excluded.languages,
                               municipality = excluded.municipality, area = excluded.area,
                               availability = excluded.availability, skill_areas = excluded.skill_areas,
                               preferred_gender = excluded.preferred_gender, min_age = excluded.min_age,
                               max_age = excluded.max_age, wont_do = excluded.wont_do, capacity = excluded.capacity,
                               presentation = excluded.presentation, updated_at = now(), updated_by = excluded.updated_by
                         WHERE volunteer_profile.organisation_id = excluded.organisation_id""")
                .param("person", p.personId()).param("org", org()).param("kind", p.kind().name())
                .param("interests", p.interestIds().toArray(UUID[]::new))
                .param("languages", p.languages().toArray(String[]::new))
                .param("municipality", p.municipality()).param("area", p.area())
                .param("availability", p.availability().toArray(String[]::new))
                .param("skills", p.skillAreas().stream().map(Enum::name).toArray(String[]::new))
                .param("gender", p.preferredGender()).param("minAge", p.minAge()).param("maxAge", p.maxAge())
                .param("wontDo", p.wontDo().stream().map(Enum::name).toArray(String[]::new))
                .param("capacity", p.capacity()).param("presentation", p.presentation()).param("by", by)
                .update();
    }

    private static VolunteerProfile profile(ResultSet rs) throws SQLException {
        return new VolunteerProfile(rs.getObject("person_id", UUID.class), VolunteerKind.valueOf(rs.getString("kind")),
                new LinkedHashSet<>(uuids(rs.getArray("interest_ids"))), strings(rs.getArray("languages")),
                rs.getString("municipality"), rs.getString("area"), strings(rs.getArray("availability")),
                enums(rs.getArray("skill_areas"), LifeArea.class), rs.getString("preferred_gender"),
                (Integer) rs.getObject("min_age"), (Integer) rs.getObject("max_age"),
                enums(rs.getArray("wont_do"), Wish.class), rs.getInt("capacity"), rs.getString("presentation"));
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((UUID[]) a.getArray());
    }

    static <E extends Enum<E>> Set<E> enums(Array a, Class<E> type) throws SQLException {
        Set<E> set = EnumSet.noneOf(type);
        for (String s : strings(a)) {
            set.add(Enum.valueOf(type, s));
        }
        return set;
    }

    // ---------------------------------------------------------------- screening

    Screening screening(UUID personId) {
        return screenings(List.of(personId)).getOrDefault(personId, Screening.none(personId));
    }

    Map<UUID, Screening> screenings(Collection<UUID> personIds) {
        return db.sql("""
                        SELECT person_id, police_seen_on, police_seen_by, confidentiality_signed_on, training_course,
                               training_on, interview_on
                          FROM volunteer_screening WHERE organisation_id = ? AND person_id = ANY(?)""")
                .params(org(), personIds.toArray(UUID[]::new))
                .query((rs, i) -> new Screening(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .list().stream().collect(Collectors.toMap(Screening::personId, Function.identity()));
    }

    void saveScreening(Screening s, UUID by) {
        db.sql("""
                        INSERT INTO volunteer_screening (person_id, organisation_id, police_seen_on, police_seen_by,
                                                         confidentiality_signed_on, training_course, training_on,
                                                         interview_on, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (person_id) DO UPDATE
                           SET police_seen_on = excluded.police_seen_on, police_seen_by = excluded.police_seen_by,
                               confidentiality_signed_on = excluded.confidentiality_signed_on,
                               training_course = excluded.training_course, training_on = excluded.training_on,
                               interview_on = excluded.interview_on, updated_at = now(), updated_by = excluded.updated_by
                         WHERE volunteer_screening.organisation_id = excluded.organisation_id""")
                .params(s.personId(), org(), s.policeSeenOn(), s.policeSeenBy(), s.confidentialitySignedOn(),
                        s.trainingCourse(), s.trainingOn(), s.interviewOn(), by)
                .update();
    }

    // ---------------------------------------------------------------- load

    /** How many open (not ended) matches each volunteer has: their load against capacity. */
    Map<UUID, Integer> openMatches() {
        Map<UUID, Integer> load = new HashMap<>();
        db.sql("""
                        SELECT volunteer_id, count(*) FROM volunteer_match
                         WHERE organisation_id = ? AND state <> 'ENDED' GROUP BY volunteer_id""")
                .param(org()).query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list().forEach(e -> load.put(e.getKey(), e.getValue()));
        return load;
    }
}
