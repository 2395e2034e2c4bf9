package no.tilfrisk.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.annual.Markdown;
import no.tilfrisk.report.annual.ReportAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of the annual report written in the app, per organisation, year and department (null: the whole
 * organisation), and the assumption of the socio-economic estimate. Not personal data, so not audited; who edited
 * a text last and when is kept with it.
 */
@Service
public class ReportNarratives {

    /** The longest text of one section. */
    public static final int MAX_LENGTH = 20_000;

    /** NOK per person per year, and where the figures come from. */
    public record SavingAssumption(long lowNok, long highNok, String source) {

        public static final SavingAssumption DEFAULT = new SavingAssumption(500_000, 1_000_000,
                "per person som er rusfri over ett år (nasjonale anslag fra Helsedirektoratet, FHI og SSB)");
    }

    /** One section's text: the Markdown as written, the sanitised XHTML, the plain text, and who wrote it when. */
    public record Narrative(NarrativeSection section, String markdown, String html, String text, Instant updatedAt,
                            String updatedBy) {
    }

    private final JdbcClient db;
    private final Departments departments;

    ReportNarratives(JdbcClient db, Departments departments) {
        this.db = db;
        this.departments = departments;
    }

    /** The texts written for the year and scope, by section; a section with no text is absent. */
    @Transactional(readOnly = true)
    public Map<NarrativeSection, Narrative> forReport(int year, UUID departmentId) {
        ReportAccess.requireRead();
        requireScope(departmentId, false);
        Map<NarrativeSection, Narrative> out = new EnumMap<>(NarrativeSection.class);
        db.sql("""
                        SELECT section, markdown, updated_at, updated_by_name FROM report_narrative
                         WHERE organisation_id = ? AND year = ? AND department_id IS NOT DISTINCT FROM ?""")
                .params(Tenancy.requireOrganisationId(), year, departmentId)
                .query((rs, i) -> {
                    NarrativeSection s = NarrativeSection.byKey(rs.getString("section"));
                    String md = rs.getString("markdown");
                    out.put(s, new Narrative(s, md, Markdown.toSafeHtml(md), Markdown.toPlainText(md),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name")));
                    return null;
                }).list();
        return out;
    }

    /**
     * Saves a section's text (an empty text removes it). Saving the same again changes nothing but the time, so a
     * form sent twice leaves one text.
     */
    @Transactional
    public void save(int year, UUID departmentId, NarrativeSection section, String markdown) {
        requireScope(departmentId, true);
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "report.annual.year.invalid");
        }
        String text = markdown == null ? "" : markdown.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInputException("markdown", "report.narrative.tooLong");
        }
        UUID org = Tenancy.requireOrganisationId();
        if (text.isEmpty()) {
            db.sql("""
                            DELETE FROM report_narrative WHERE organisation_id = ? AND year = ?
                               AND department_id IS NOT DISTINCT FROM ? AND section = ?""")
                    .params(org, year, departmentId, section.key()).update();
            return;
        }
        TenantPrincipal me = ReportAccess.caller();
        db.sql("""
                        INSERT INTO report_narrative (id, organisation_id, year, department_id, section, markdown,
                                                      updated_by, updated_by_name)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (organisation_id, year, department_id, section) DO UPDATE SET
                            markdown = EXCLUDED.markdown, updated_at = now(), updated_by = EXCLUDED.updated_by,
                            updated_by_name = EXCLUDED.updated_by_name""")
                .params(UUID.randomUUID(), org, year, departmentId, section.key(), text, me.userId(), me.displayName())
                .update();
    }

    /**
     * Checks that the caller may write the texts of this scope, before a form to write them is shown: «not found»
     * for a department of another organisation, «forbidden» for one that is not the caller's.
     */
    @Transactional(readOnly = true)
    public void requireWritable(UUID departmentId) {
        if (departmentId != null && !departments.exists(departmentId)) {
            throw new NotFoundException("Department");
        }
        if (!ReportAccess.mayWrite(departmentId)) {
            throw new AccessDeniedException("May not write the report's texts");
        }
    }

    /** The assumption, for the admin who may change it. */
    @Transactional(readOnly = true)
    public SavingAssumption savingAssumptionToEdit() {
        requireAdmin();
        return savingAssumption();
    }

    private static void requireAdmin() {
        if (!ReportAccess.isAdmin()) {
            throw new AccessDeniedException("Only the organisation admin changes the report's assumptions");
        }
    }

    /** The organisation's assumption, or the default. */
    @Transactional(readOnly = true)
    public SavingAssumption savingAssumption() {
        return db.sql("SELECT saving_low_nok, saving_high_nok, saving_source FROM report_settings WHERE organisation_id = ?")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new SavingAssumption(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional().orElse(SavingAssumption.DEFAULT);
    }

    /** The organisation admin changes the assumption. */
    @Transactional
    public void changeSavingAssumption(Long lowNok, Long highNok, String source) {
        requireAdmin();
        List<InvalidInputException> broken = new ArrayList<>();
        if (lowNok == null || lowNok < 0 || lowNok > 100_000_000) {
            broken.add(new InvalidInputException("savingLowNok", "report.settings.amount.range"));
        }
        if (highNok == null || highNok < 0 || highNok > 100_000_000) {
            broken.add(new InvalidInputException("savingHighNok", "report.settings.amount.range"));
        } else if (lowNok != null && highNok < lowNok) {
            broken.add(new InvalidInputException("savingHighNok", "report.settings.amount.order"));
        }
        if (source == null || source.isBlank()) {
            broken.add(new InvalidInputException("savingSource", "report.settings.source.required"));
        } else if (source.strip().length() > 1000) {
            broken.add(new InvalidInputException("savingSource", "report.settings.source.tooLong"));
        }
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        INSERT INTO report_settings (organisation_id, saving_low_nok, saving_high_nok, saving_source, updated_by)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (organisation_id) DO UPDATE SET saving_low_nok = EXCLUDED.saving_low_nok,
                            saving_high_nok = EXCLUDED.saving_high_nok, saving_source = EXCLUDED.saving_source,
                            updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .params(Tenancy.requireOrganisationId(), lowNok, highNok, source.strip(), ReportAccess.caller().userId())
                .update();
    }

    private void requireScope(UUID departmentId, boolean write) {
        if (departmentId != null && !departments.exists(departmentId)) {
            throw new InvalidInputException("department", "report.annual.department.unknown");
        }
        boolean allowed = write ? ReportAccess.mayWrite(departmentId) : ReportAccess.mayUse(departmentId);
        if (!allowed) {
            if (write && !ReportAccess.maySeePersons()) {
                throw new AccessDeniedException("Only admins and coordinators write the report's texts");
            }
            throw new InvalidInputException("department", "report.annual.department.notYours");
        }
    }
}
