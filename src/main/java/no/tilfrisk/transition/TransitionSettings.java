package no.tilfrisk.transition;

import static no.tilfrisk.platform.Text.blankToNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.internal.TransitionAccess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's lists for transitions: the institutions and prisons (seeded on first use from
 * {@code reference/oslo-institutions.csv}, seed 004's appendix 3, with ids derived from the organisation and the
 * name so seeding twice adds nothing; the organisation adds its own), and its own checklist items. Staff read them;
 * admins change them.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class TransitionSettings {

    static final String SEED = "reference/oslo-institutions.csv";

    private final JdbcClient db;

    TransitionSettings(JdbcClient db) {
        this.db = db;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    /** The organisation's institutions, active first, by name; seeds the list the first time. */
    @Transactional
    public List<Institution> institutions() {
        seed();
        return db.sql("""
                        SELECT id, name, type, places, gender, ownership, seeded, active FROM transition_institution
                         WHERE organisation_id = ? ORDER BY active DESC, lower(name), id""")
                .param(org())
                .query((rs, i) -> new Institution(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("type"), (Integer) rs.getObject("places"), rs.getString("gender"),
                        rs.getString("ownership"), rs.getBoolean("seeded"), rs.getBoolean("active")))
                .list();
    }

    /** The ids of the organisation's active institutions (another organisation's id is never among them). */
    @Transactional
    public Set<UUID> institutionIds() {
        return institutions().stream().filter(Institution::active).map(Institution::id).collect(Collectors.toSet());
    }

    /** Adds an institution of the organisation's own under the form's id; a name already listed is refused. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UUID addInstitution(UUID id, String name, String type) {
        seed();
        String n = blankToNull(name);
        if (n == null || n.length() > 200) {
            throw new InvalidInputException("name", "transition.institution.name.required");
        }
        if (db.sql("SELECT EXISTS (SELECT 1 FROM transition_institution WHERE id = ?)").param(id)
                .query(Boolean.class).single()) {
            return id;
        }
        if (db.sql("SELECT EXISTS (SELECT 1 FROM transition_institution WHERE organisation_id = ? AND lower(name) = lower(?))")
                .params(org(), n).query(Boolean.class).single()) {
            throw new InvalidInputException("name", "transition.institution.name.taken");
        }
        String t = blankToNull(type);
        db.sql("""
                        INSERT INTO transition_institution (id, organisation_id, name, type, created_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, org(), n, t == null ? null : t.substring(0, Math.min(t.length(), 200)), TransitionAccess.me())
                .update();
        return id;
    }

    /** Takes an institution off the list for new transitions (or back on); those that name it keep it. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void setInstitutionActive(UUID id, boolean active) {
        if (db.sql("UPDATE transition_institution SET active = ? WHERE id = ? AND organisation_id = ?")
                .params(active, id, org()).update() == 0) {
            throw new NotFoundException("Institution");
        }
    }

    /** The organisation's own checklist items (active and not), in order. */
    @Transactional(readOnly = true)
    public List<ChecklistExtra> extras() {
        return db.sql("""
                        SELECT id, label, position, active FROM transition_checklist_extra
                         WHERE organisation_id = ? ORDER BY active DESC, position, lower(label), id""")
                .param(org())
                .query((rs, i) -> new ChecklistExtra(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getBoolean(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<ChecklistExtra> activeExtras() {
        return extras().stream().filter(ChecklistExtra::active).toList();
    }

    /** Adds an item to every new transition's checklist under the form's id; a label already there is refused. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UUID addExtra(UUID id, String label) {
        String l = blankToNull(label);
        if (l == null || l.length() > 200) {
            throw new InvalidInputException("label", "transition.extra.label.required");
        }
        if (db.sql("SELECT EXISTS (SELECT 1 FROM transition_checklist_extra WHERE id = ?)").param(id)
                .query(Boolean.class).single()) {
            return id;
        }
        if (db.sql("""
                        SELECT EXISTS (SELECT 1 FROM transition_checklist_extra
                                        WHERE organisation_id = ? AND active AND lower(label) = lower(?))""")
                .params(org(), l).query(Boolean.class).single()) {
            throw new InvalidInputException("label", "transition.extra.label.taken");
        }
        db.sql("""
                        INSERT INTO transition_checklist_extra (id, organisation_id, label, position, created_by)
                        VALUES (?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM transition_checklist_extra
                                           WHERE organisation_id = ?), ?) ON CONFLICT DO NOTHING""")
                .params(id, org(), l, org(), TransitionAccess.me()).update();
        return id;
    }

    /** Stops adding the item to new transitions; the transitions that have it keep it. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void retireExtra(UUID id) {
        if (db.sql("UPDATE transition_checklist_extra SET active = false WHERE id = ? AND organisation_id = ?")
                .params(id, org()).update() == 0) {
            throw new NotFoundException("Checklist item");
        }
    }

    private void seed() {
        UUID org = org();
        if (db.sql("SELECT EXISTS (SELECT 1 FROM transition_institution WHERE organisation_id = ? AND seeded)")
                .param(org).query(Boolean.class).single()) {
            return;
        }
        for (String[] row : seedRows()) {
            db.sql("""
                            INSERT INTO transition_institution (id, organisation_id, name, type, places, gender, ownership,
                                                                seeded)
                            VALUES (?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING""")
                    .params(UUID.nameUUIDFromBytes((org + "/" + row[0]).getBytes(StandardCharsets.UTF_8)), org, row[0],
                            row[1], Integer.valueOf(row[2]), row[3], row[4])
                    .update();
        }
    }

    /** The seed file's rows (name, type, places, gender, ownership), comments and the header left out. */
    static List<String[]> seedRows() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ClassPathResource(SEED).getInputStream(),
                StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .filter(l -> !l.startsWith("name;")).map(l -> l.split(";", -1))
                    .map(a -> new String[] {a[0].strip(), a[1].strip(), a[2].strip(), a[3].strip(), a[4].strip()})
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The institution list " + SEED + " is missing", e);
        }
    }
}
