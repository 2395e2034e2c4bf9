package no.tilfrisk.plan;

import static no.tilfrisk.platform.Text.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.crypto.FieldEncryption;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapping conversations: per life area the participant's own rating 1–10 and words, plus interests from the
 * organisation's list (new ones are added), dreams, strengths and challenges. Repeated over time and compared side
 * by side. Staff reach the persons they may see; the participant reads their own (here through the API, and in
 * {@link MyPlan}). Every read and write is in the audit trail. The free text (own words, dreams, strengths,
 * challenges) is encrypted at rest, each value bound to its mapping and field.
 */
@Service
public class Mappings {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final JdbcClient db;
    private final AuditTrail audit;
    private final UserAccounts users;
    private final PlanAccess access;
    private final FieldEncryption crypto;
    private final Clock clock;

    Mappings(JdbcClient db, AuditTrail audit, UserAccounts users, PlanAccess access, FieldEncryption crypto,
             Clock clock) {
        this.clock = clock;
        this.db = db;
        this.audit = audit;
        this.users = users;
        this.access = access;
        this.crypto = crypto;
    }

    /** What binds a text of the mapping (dreams, strengths or challenges) to its mapping and field. */
    static String textContext(UUID mappingId, String field) {
        return "plan.mapping." + field + ":" + mappingId;
    }

    /** What binds the participant's own words on a life area to their mapping and area. */
    static String wordsContext(UUID mappingId, LifeArea area) {
        return "plan.mapping.words:" + mappingId + ":" + area.name();
    }

    /** The person's mappings, newest first. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTICIPANT')")
    @Transactional
    public List<Mapping> ofPerson(UUID personId) {
        access.requireReadable(personId);
        List<Mapping> list = load(personId);
        audit.record(personId, AuditAction.READ, "plan.mapping.list");
        return list;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTICIPANT')")
    @Transactional
    public Mapping get(UUID personId, UUID mappingId) {
        access.requireReadable(personId);
        Mapping mapping = load(personId).stream().filter(m -> m.id().equals(mappingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Mapping"));
        audit.record(personId, AuditAction.READ, "plan.mapping");
        return mapping;
    }

    /** Two of the person's mappings side by side, the earlier first whichever order they are named in. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'PARTICIPANT')")
    @Transactional
    public MappingComparison compare(UUID personId, UUID a, UUID b) {
        access.requireReadable(personId);
        List<Mapping> all = load(personId);
        Mapping first = all.stream().filter(m -> m.id().equals(a)).findFirst().orElseThrow(() -> new NotFoundException("Mapping"));
        Mapping second = all.stream().filter(m -> m.id().equals(b)).findFirst().orElseThrow(() -> new NotFoundException("Mapping"));
        boolean firstEarlier = first.mappedOn().isBefore(second.mappedOn())
                || first.mappedOn().equals(second.mappedOn()) && !first.createdAt().isAfter(second.createdAt());
        audit.record(personId, AuditAction.READ, "plan.mapping.compare");
        return firstEarlier ? MappingComparison.of(first, second) : MappingComparison.of(second, first);
    }

    /** The organisation's interests, by name: the choices on the mapping form. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public List<Interest> interests() {
        return db.sql("SELECT id, name FROM plan_interest WHERE organisation_id = ? ORDER BY lower(name), id")
                .param(Tenancy.requireOrganisationId()).query(Interest.class).list();
    }

    /**
     * Records a mapping under the id the form carried, so a double submit records one. New interests join the
     * organisation's list (one already there by another spelling of case is reused).
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public UUID record(UUID id, UUID personId, MappingForm form) {
        access.requireStaff(personId);
        UUID org = Tenancy.requireOrganisationId();
        var owner = db.sql("SELECT person_id FROM plan_mapping WHERE id = ? AND organisation_id = ?")
                .params(id, org).query(UUID.class).optional();
        if (owner.isPresent()) {
            if (!owner.get().equals(personId)) {
                throw new NotFoundException("Mapping");
            }
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (form.getMappedOn() == null) {
            broken.add(new InvalidInputException("mappedOn", "plan.mapping.date.required"));
        } else if (form.getMappedOn().isAfter(LocalDate.now(clock))) {
            broken.add(new InvalidInputException("mappedOn", "plan.mapping.date.future"));
        } else if (form.getMappedOn().isBefore(EARLIEST)) {
            broken.add(new InvalidInputException("mappedOn", "plan.mapping.date.range"));
        }
        List<MappingForm.AreaEntry> areas = form.getAreas();
        if (areas.size() > LifeArea.values().length) {
            broken.add(new InvalidInputException("areas", "plan.mapping.areas.size"));
        }
        boolean anything = false;
        for (int i = 0; i < Math.min(areas.size(), LifeArea.values().length); i++) {
            MappingForm.AreaEntry entry = areas.get(i);
            if (entry == null) {
                continue;
            }
            if (entry.getRating() != null && (entry.getRating() < 1 || entry.getRating() > 10)) {
                broken.add(new InvalidInputException("areas[" + i + "].rating", "plan.mapping.rating.range"));
            }
            if (entry.getWords() != null && entry.getWords().strip().length() > 1000) {
                broken.add(new InvalidInputException("areas[" + i + "].words", "plan.mapping.words.size"));
            }
            anything |= entry.getRating() != null || !PlanRules.blank(entry.getWords());
        }
        for (String[] text : new String[][] {{"dreams", form.getDreams()}, {"strengths", form.getStrengths()},
                {"challenges", form.getChallenges()}}) {
            if (text[1] != null && text[1].strip().length() > 2000) {
                broken.add(new InvalidInputException(text[0], "plan.mapping.text.size"));
            }
            anything |= !PlanRules.blank(text[1]);
        }
        Set<UUID> known = interests().stream().map(Interest::id).collect(Collectors.toSet());
        List<UUID> chosen = form.getInterestIds().stream().filter(Objects::nonNull).distinct().toList();
        if (!known.containsAll(chosen)) {
            broken.add(new InvalidInputException("interestIds", "plan.mapping.interest.unknown"));
        }
        List<String> added = newInterests(form.getNewInterests());
        if (added.stream().anyMatch(n -> n.length() > 60) || added.size() > 20) {
            broken.add(new InvalidInputException("newInterests", "plan.mapping.interest.size"));
        }
        anything |= !chosen.isEmpty() || !added.isEmpty();
        if (!anything) {
            broken.add(new InvalidInputException("areas", "plan.mapping.empty"));
        }
        InvalidInputException.throwIfAny(broken);

        db.sql("""
                        INSERT INTO plan_mapping (id, organisation_id, person_id, mapped_on, dreams_encrypted,
                                                  strengths_encrypted, challenges_encrypted, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, org, personId, form.getMappedOn(),
                        crypto.encryptText(blankToNull(form.getDreams()), textContext(id, "dreams")),
                        crypto.encryptText(blankToNull(form.getStrengths()), textContext(id, "strengths")),
                        crypto.encryptText(blankToNull(form.getChallenges()), textContext(id, "challenges")),
                        PlanAccess.me())
                .update();
        for (int i = 0; i < Math.min(areas.size(), LifeArea.values().length); i++) {
            MappingForm.AreaEntry entry = areas.get(i);
            if (entry != null && (entry.getRating() != null || !PlanRules.blank(entry.getWords()))) {
                LifeArea area = LifeArea.values()[i];
                db.sql("""
                                INSERT INTO plan_mapping_area (mapping_id, organisation_id, life_area, rating, own_words_encrypted)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(id, org, area.name(), entry.getRating(),
                                crypto.encryptText(blankToNull(entry.getWords()), wordsContext(id, area)))
                        .update();
            }
        }
        Set<UUID> interestIds = new LinkedHashSet<>(chosen);
        for (String name : added) {
            db.sql("""
                            INSERT INTO plan_interest (id, organisation_id, name) VALUES (?, ?, ?)
                            ON CONFLICT (organisation_id, lower(name)) DO NOTHING""")
                    .params(UUID.randomUUID(), org, name).update();
            interestIds.add(db.sql("SELECT id FROM plan_interest WHERE organisation_id = ? AND lower(name) = lower(?)")
                    .params(org, name).query(UUID.class).single());
        }
        for (UUID interest : interestIds) {
            db.sql("INSERT INTO plan_mapping_interest (mapping_id, interest_id, organisation_id) VALUES (?, ?, ?)")
                    .params(id, interest, org).update();
        }
        audit.record(personId, AuditAction.CREATE, "plan.mapping");
        return id;
    }

    /** The mappings as stored, newest first, without checks or audit. */
    List<Mapping> load(UUID personId) {
        UUID org = Tenancy.requireOrganisationId();
        record Row(UUID id, LocalDate mappedOn, byte[] dreamsEncrypted, byte[] strengthsEncrypted,
                   byte[] challengesEncrypted, Instant createdAt, UUID createdBy) {
        }
        List<Row> rows = db.sql("""
                        SELECT id, mapped_on, dreams_encrypted, strengths_encrypted, challenges_encrypted, created_at,
                               created_by
                          FROM plan_mapping
                         WHERE person_id = ? AND organisation_id = ? ORDER BY mapped_on DESC, created_at DESC""")
                .params(personId, org).query(Row.class).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, List<AreaRating>> areas = new HashMap<>();
        db.sql("""
                        SELECT mapping_id, life_area, rating, own_words_encrypted FROM plan_mapping_area
                         WHERE mapping_id = ANY(?) AND organisation_id = ?""")
                .params(ids, org)
                .query((rs, i) -> {
                    UUID mapping = rs.getObject(1, UUID.class);
                    LifeArea area = LifeArea.valueOf(rs.getString(2));
                    return Map.entry(mapping, new AreaRating(area, (Integer) rs.getObject(3),
                            crypto.decryptText(rs.getBytes(4), wordsContext(mapping, area))));
                })
                .list().forEach(e -> areas.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<String>> interests = new HashMap<>();
        db.sql("""
                        SELECT mi.mapping_id, i.name FROM plan_mapping_interest mi JOIN plan_interest i ON i.id = mi.interest_id
                         WHERE mi.mapping_id = ANY(?) AND mi.organisation_id = ? ORDER BY lower(i.name)""")
                .params(ids, org)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().forEach(e -> interests.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, String> names = users.names(rows.stream().map(Row::createdBy).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return rows.stream().map(r -> new Mapping(r.id(), personId, r.mappedOn(),
                areas.getOrDefault(r.id(), List.of()).stream()
                        .sorted(Comparator.comparing(AreaRating::area)).toList(),
                interests.getOrDefault(r.id(), List.of()),
                crypto.decryptText(r.dreamsEncrypted(), textContext(r.id(), "dreams")),
                crypto.decryptText(r.strengthsEncrypted(), textContext(r.id(), "strengths")),
                crypto.decryptText(r.challengesEncrypted(), textContext(r.id(), "challenges")), r.createdAt(),
                r.createdBy() == null ? null : names.get(r.createdBy()))).toList();
    }

    private static List<String> newInterests(String text) {
        if (text == null) {
            return List.of();
        }
        Map<String, String> byLower = new LinkedHashMap<>();
        for (String part : text.split("[,;\\n]")) {
            String name = part.strip().replaceAll("\\s+", " ");
            if (!name.isEmpty()) {
                byLower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return List.copyOf(byLower.values());
    }
}
