package no.tilfrisk.leisure;

import static no.tilfrisk.platform.Text.blankToNull;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.leisure.internal.LeisureAccess;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of local clubs and associations, kept by staff and searchable by words in the name, kind,
 * municipality, weekday and cost. It holds no personal data (a club's contact person is the club's), so reads are
 * not audited.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Catalogue {

    static final String CLUB = """
            SELECT id, name, kind, municipality, address, contact_person, contact_phone, meeting_days, meeting_times,
                   cost_per_year_ore, equipment_needed, accessibility, used_before, experience FROM leisure_club""";

    private final JdbcClient db;

    Catalogue(JdbcClient db) {
        this.db = db;
    }

    /** One page of the clubs that match, by name. */
    @Transactional(readOnly = true)
    public ResultPage<Club> search(ClubSearch s, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE organisation_id = :org");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"org", Tenancy.requireOrganisationId()});
        if (s != null && blankToNull(s.q()) != null) {
            where.append(" AND (name ILIKE :q OR contact_person ILIKE :q OR address ILIKE :q)");
            params.add(new Object[] {"q", "%" + s.q().strip().replace("%", "\\%").replace("_", "\\_") + "%"});
        }
        if (s != null && s.kind() != null) {
            where.append(" AND kind = :kind");
            params.add(new Object[] {"kind", s.kind().name()});
        }
        if (s != null && blankToNull(s.municipality()) != null) {
            where.append(" AND lower(municipality) = lower(:municipality)");
            params.add(new Object[] {"municipality", s.municipality().strip()});
        }
        if (s != null && s.day() != null) {
            where.append(" AND :day = ANY(meeting_days)");
            params.add(new Object[] {"day", s.day().name()});
        }
        if (s != null && s.maxCost() != null) {
            where.append(" AND coalesce(cost_per_year_ore, 0) <= :maxCost");
            params.add(new Object[] {"maxCost", s.maxCost().movePointRight(2).longValue()});
        }
        int safeSize = Math.max(1, Math.min(size, 100));
        int safePage = Math.max(0, page);
        var count = db.sql("SELECT count(*) FROM leisure_club" + where);
        var list = db.sql(CLUB + where + " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .param("limit", safeSize).param("offset", safePage * safeSize);
        for (Object[] p : params) {
            count = count.param((String) p[0], p[1]);
            list = list.param((String) p[0], p[1]);
        }
        long total = count.query(Long.class).single();
        return new ResultPage<>(list.query((rs, i) -> club(rs)).list(), safePage, safeSize, total);
    }

    /** An empty club form, for those who may add one. */
    public ClubForm blank() {
        return new ClubForm();
    }

    /** Every club, by name (the choice on the step form). */
    @Transactional(readOnly = true)
    public List<Club> all() {
        return db.sql(CLUB + " WHERE organisation_id = ? ORDER BY lower(name), id").param(Tenancy.requireOrganisationId())
                .query((rs, i) -> club(rs)).list();
    }

    @Transactional(readOnly = true)
    public Club get(UUID id) {
        return find(db, id);
    }

    /** Adds a club under the form's id, so a double submit adds one. */
    @Transactional
    public UUID create(UUID id, ClubForm form) {
        InvalidInputException.throwIfAny(check(form));
        db.sql("""
                        INSERT INTO leisure_club (id, organisation_id, name, kind, municipality, address, contact_person,
                                                  contact_phone, meeting_days, meeting_times, cost_per_year_ore,
                                                  equipment_needed, accessibility, used_before, experience, created_by,
                                                  updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, Tenancy.requireOrganisationId(), form.getName().strip(), form.getKind().name(),
                        form.getMunicipality().strip(), blankToNull(form.getAddress()), blankToNull(form.getContactPerson()),
                        blankToNull(form.getContactPhone()), days(form), blankToNull(form.getMeetingTimes()), ore(form),
                        blankToNull(form.getEquipmentNeeded()), blankToNull(form.getAccessibility()), form.isUsedBefore(),
                        blankToNull(form.getExperience()), LeisureAccess.me(), LeisureAccess.me())
                .update();
        return id;
    }

    @Transactional
    public void update(UUID id, ClubForm form) {
        find(db, id);
        InvalidInputException.throwIfAny(check(form));
        db.sql("""
                        UPDATE leisure_club SET name = ?, kind = ?, municipality = ?, address = ?, contact_person = ?,
                               contact_phone = ?, meeting_days = ?, meeting_times = ?, cost_per_year_ore = ?,
                               equipment_needed = ?, accessibility = ?, used_before = ?, experience = ?,
                               updated_at = now(), updated_by = ?
                         WHERE id = ? AND organisation_id = ?""")
                .params(form.getName().strip(), form.getKind().name(), form.getMunicipality().strip(),
                        blankToNull(form.getAddress()), blankToNull(form.getContactPerson()),
                        blankToNull(form.getContactPhone()), days(form), blankToNull(form.getMeetingTimes()), ore(form),
                        blankToNull(form.getEquipmentNeeded()), blankToNull(form.getAccessibility()), form.isUsedBefore(),
                        blankToNull(form.getExperience()), LeisureAccess.me(), id, Tenancy.requireOrganisationId())
                .update();
    }

    static Club find(JdbcClient db, UUID id) {
        return db.sql(CLUB + " WHERE id = ? AND organisation_id = ?").params(id, Tenancy.requireOrganisationId())
                .query((rs, i) -> club(rs)).optional().orElseThrow(() -> new NotFoundException("Club"));
    }

    private static List<InvalidInputException> check(ClubForm f) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (blankToNull(f.getName()) == null) {
            broken.add(new InvalidInputException("name", "leisure.club.name.required"));
        } else if (f.getName().strip().length() > 200) {
            broken.add(new InvalidInputException("name", "leisure.tooLong", 200));
        }
        if (f.getKind() == null) {
            broken.add(new InvalidInputException("kind", "leisure.club.kind.required"));
        }
        if (blankToNull(f.getMunicipality()) == null) {
            broken.add(new InvalidInputException("municipality", "leisure.municipality.required"));
        }
        if (f.getCostPerYear() != null && (f.getCostPerYear().signum() < 0
                || f.getCostPerYear().compareTo(new BigDecimal("1000000")) > 0 || f.getCostPerYear().scale() > 2)) {
            broken.add(new InvalidInputException("costPerYear", "leisure.money.invalid"));
        }
        String[][] limits = {{"address", "200"}, {"contactPerson", "200"}, {"contactPhone", "40"},
                {"meetingTimes", "200"}, {"equipmentNeeded", "500"}, {"accessibility", "500"}, {"experience", "1000"}};
        String[] values = {f.getAddress(), f.getContactPerson(), f.getContactPhone(), f.getMeetingTimes(),
                f.getEquipmentNeeded(), f.getAccessibility(), f.getExperience()};
        for (int i = 0; i < limits.length; i++) {
            int max = Integer.parseInt(limits[i][1]);
            if (values[i] != null && values[i].strip().length() > max) {
                broken.add(new InvalidInputException(limits[i][0], "leisure.tooLong", max));
            }
        }
        return broken;
    }

    private static String[] days(ClubForm f) {
        return f.getMeetingDays().stream().distinct().sorted().map(DayOfWeek::name).toArray(String[]::new);
    }

    private static Long ore(ClubForm f) {
        return f.getCostPerYear() == null ? null : f.getCostPerYear().movePointRight(2).longValueExact();
    }

    static Club club(ResultSet rs) throws SQLException {
        Array days = rs.getArray("meeting_days");
        return new Club(rs.getObject("id", UUID.class), rs.getString("name"), ClubKind.valueOf(rs.getString("kind")),
                rs.getString("municipality"), rs.getString("address"), rs.getString("contact_person"),
                rs.getString("contact_phone"),
                Arrays.stream((String[]) days.getArray()).map(DayOfWeek::valueOf).toList(), rs.getString("meeting_times"),
                (Long) rs.getObject("cost_per_year_ore"), rs.getString("equipment_needed"),
                rs.getString("accessibility"), rs.getBoolean("used_before"), rs.getString("experience"));
    }
}
