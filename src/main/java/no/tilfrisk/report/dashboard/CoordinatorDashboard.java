package no.tilfrisk.report.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.followup.ContactLog;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.Tallies;
import no.tilfrisk.leisure.LeisureFigures;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.platform.chart.BarChart;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.report.annual.LeisureTable;
import no.tilfrisk.report.annual.PublishedCells;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.annual.TransitionTable;
import no.tilfrisk.report.annual.VolunteerTable;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.transition.TransitionFigures;
import no.tilfrisk.volunteer.VolunteerFigures;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinators' and admins' dashboard for one department (admins: or the whole organisation) over the last 12
 * months: unique named participants per month, attendance per activity, contacts per type (logged and tallied
 * apart) and the outcome aggregates, each as an SVG chart with its data table. Staff see exact figures (they may see
 * the department's persons); nothing here names anyone.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR')")
public class CoordinatorDashboard {

    /** The figures, for the page and for tests. {@code departmentId} null: the whole organisation. */
    public record Figures(UUID departmentId, LocalDate from, LocalDate to, SortedMap<YearMonth, Long> participantsPerMonth,
                          List<ActivityOverview> activities, Map<ContactType, Long> logged, Map<ContactType, Long> tallied,
                          List<Aggregate> outcomes, VolunteerFigures.Figures volunteers,
                          TransitionFigures.Figures transitions, LeisureFigures.Figures leisure) {
    }

    private final Activities activities;
    private final ContactLog contacts;
    private final Tallies tallies;
    private final OutcomeAggregates outcomes;
    private final VolunteerFigures volunteers;
    private final TransitionFigures transitions;
    private final LeisureFigures leisure;
    private final Departments departments;
    private final MessageSource messages;

    CoordinatorDashboard(Activities activities, ContactLog contacts, Tallies tallies, OutcomeAggregates outcomes,
                         VolunteerFigures volunteers, TransitionFigures transitions, LeisureFigures leisure,
                         Departments departments, MessageSource messages) {
        this.leisure = leisure;
        this.volunteers = volunteers;
        this.transitions = transitions;
        this.activities = activities;
        this.contacts = contacts;
        this.tallies = tallies;
        this.outcomes = outcomes;
        this.departments = departments;
        this.messages = messages;
    }

    /** The last 12 months up to {@code today}: from the first day of the month 11 months before, to today. */
    public static LocalDate[] lastTwelveMonths(LocalDate today) {
        return new LocalDate[] {YearMonth.from(today).minusMonths(11).atDay(1), today};
    }

    /**
     * The department the caller sees when none is asked for: an admin the whole organisation (null), a coordinator
     * the first of their departments by name.
     */
    @Transactional(readOnly = true)
    public UUID defaultDepartment() {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        if (caller.hasRole("ORG_ADMIN")) {
            return null;
        }
        return departments.list().stream().filter(d -> caller.departmentIds().contains(d.id()))
                .map(d -> d.id()).findFirst().orElseThrow(() -> new NotFoundException("Department"));
    }

    /** The departments the caller may choose. */
    @Transactional(readOnly = true)
    public List<Department> departmentsToChoose() {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        return departments.list().stream()
                .filter(d -> caller.hasRole("ORG_ADMIN") || caller.departmentIds().contains(d.id())).toList();
    }

    @Transactional(readOnly = true)
    public Figures figures(UUID departmentId, LocalDate from, LocalDate to) {
        TenantPrincipal caller = Tenancy.currentPrincipal().orElseThrow();
        boolean admin = caller.hasRole("ORG_ADMIN");
        if (departmentId == null && !admin) {
            throw new NotFoundException("Department");
        }
        if (departmentId != null && (!departments.exists(departmentId) || (!admin && !caller.departmentIds().contains(departmentId)))) {
            throw new NotFoundException("Department");
        }
        List<ActivityOverview> list = new ArrayList<>(activities.list(departmentId, from, to));
        list.sort(Comparator.comparing((ActivityOverview o) -> o.counts().attendances()).reversed()
                .thenComparing(o -> o.activity().name().toLowerCase(Locale.ROOT)));
        return new Figures(departmentId, from, to, activities.uniqueNamedPerMonth(departmentId, from, to), list,
                contacts.countsByType(departmentId, from, to), tallies.sumsByType(departmentId, from, to),
                outcomes.forPeriod(departmentId, from, to),
                departmentId == null ? volunteers.forPeriod(from, to) : null,
                departmentId == null ? transitions.forPeriod(from, to) : null,
                departmentId == null ? leisure.forPeriod(from, to) : null);
    }

    /** The dashboard as a document of four sections, each a chart with its table, in the reader's language. */
    @Transactional(readOnly = true)
    public ReportDocument document(UUID departmentId, LocalDate from, LocalDate to, Locale locale) {
        Figures f = figures(departmentId, from, to);
        List<Section> sections = new ArrayList<>();

        List<BarChart.Bar> months = new ArrayList<>();
        List<List<Cell>> monthRows = new ArrayList<>();
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        f.participantsPerMonth().forEach((m, n) -> {
            months.add(BarChart.Bar.of(m.format(monthFormat), n));
            monthRows.add(List.of(Cell.text(m.format(monthFormat)), Cell.number(n)));
        });
        sections.add(new Section("deltakere-per-maaned", m(locale, "reportDashboard.months.heading"), List.of(
                chart("dash-months", m(locale, "reportDashboard.months.heading"), months,
                        new Table(m(locale, "reportDashboard.months.caption"), List.of(m(locale, "reportDashboard.month"),
                                m(locale, "reportDashboard.participants")), monthRows, true,
                                m(locale, "reportDashboard.months.rule"))))));

        List<ReportDocument.Block> activityBlocks = new ArrayList<>();
        if (f.activities().isEmpty()) {
            activityBlocks.add(Paragraph.of(m(locale, "reportDashboard.activities.none")));
        } else {
            List<BarChart.Bar> bars = new ArrayList<>();
            List<List<Cell>> rows = new ArrayList<>();
            for (ActivityOverview o : f.activities()) {
                bars.add(BarChart.Bar.of(o.activity().name(), o.counts().attendances()));
                rows.add(List.of(Cell.text(o.activity().name()).withLink("/activities/" + o.activity().id()),
                        Cell.number(o.counts().sessions()), Cell.number(o.counts().attendances()),
                        Cell.number(o.counts().participants())));
            }
            activityBlocks.add(chart("dash-activities", m(locale, "reportDashboard.activities.heading"), bars,
                    new Table(m(locale, "reportDashboard.activities.caption"), List.of(m(locale, "reportDashboard.activity"),
                            m(locale, "reportDashboard.sessions"), m(locale, "reportDashboard.attendances"),
                            m(locale, "reportDashboard.participants")), rows, true,
                            m(locale, "reportDashboard.activities.rule"))));
        }
        sections.add(new Section("oppmote-per-aktivitet", m(locale, "reportDashboard.activities.heading"), activityBlocks));

        List<BarChart.Bar> loggedBars = new ArrayList<>();
        List<BarChart.Bar> talliedBars = new ArrayList<>();
        List<List<Cell>> contactRows = new ArrayList<>();
        for (ContactType type : ContactType.values()) {
            String label = m(locale, "contactType." + type);
            long logged = f.logged().getOrDefault(type, 0L);
            long tallied = f.tallied().getOrDefault(type, 0L);
            loggedBars.add(BarChart.Bar.of(label, logged));
            talliedBars.add(BarChart.Bar.of(label, tallied));
            contactRows.add(List.of(Cell.text(label), Cell.number(logged), Cell.number(tallied)));
        }
        Table contactTable = new Table(m(locale, "reportDashboard.contacts.caption"), List.of(m(locale, "reportDashboard.contactType"),
                m(locale, "reportDashboard.logged"), m(locale, "reportDashboard.tallied")), contactRows, true,
                m(locale, "reportDashboard.contacts.rule"));
        String talliedSvg = BarChart.render("dash-tallied", m(locale, "reportDashboard.tallied.chart"),
                describe(talliedBars), talliedBars);
        sections.add(new Section("kontakter-per-type", m(locale, "reportDashboard.contacts.heading"), List.of(
                chart("dash-logged", m(locale, "reportDashboard.logged.chart"), loggedBars, contactTable),
                new ReportDocument.Subheading(m(locale, "reportDashboard.tallied.chart")),
                new Paragraph(m(locale, "reportDashboard.tallied.chart"), "<figure class=\"report-chart-only\">" + talliedSvg + "</figure>"))));

        List<BarChart.Bar> outcomeBars = new ArrayList<>();
        List<List<Cell>> outcomeRows = new ArrayList<>();
        for (Aggregate a : f.outcomes()) {
            String label = m(locale, "outcome.aggregate." + a.key() + ".title");
            Long pct = a.shown() ? Aggregate.percent(a.share()) : null;
            String shown = pct == null ? m(locale, "reportDashboard.tooFew") : m(locale, "funderReport.percent", pct);
            outcomeBars.add(new BarChart.Bar(label, pct == null ? null : pct.doubleValue(), shown));
            outcomeRows.add(List.of(Cell.text(label), pct == null ? Cell.text(shown) : Cell.number(a.share(), shown),
                    Cell.number(a.denominator())));
        }
        sections.add(new Section("resultater", m(locale, "reportDashboard.outcomes.heading"), List.of(
                chart("dash-outcomes", m(locale, "reportDashboard.outcomes.heading"), outcomeBars,
                        new Table(m(locale, "reportDashboard.outcomes.caption"), List.of(m(locale, "reportDashboard.figure"),
                                m(locale, "reportDashboard.share"), m(locale, "reportDashboard.n")), outcomeRows, true,
                                m(locale, "reportDashboard.outcomes.rule"))))));

        // the volunteers are counted for the whole organisation only; here exactly, as the reader may see persons
        Table volunteerTable = f.volunteers() == null ? null : VolunteerTable.of(f.volunteers(),
                new PublishedCells(new Publication(), null), (key, args) -> m(locale, key, args), locale);
        if (volunteerTable != null) {
            sections.add(new Section("frivillige", m(locale, "reportDashboard.volunteers.heading"), List.of(volunteerTable)));
        }

        // the transitions likewise: the organisation's, exactly
        Table transitionTable = f.transitions() == null ? null : TransitionTable.of(f.transitions(),
                new PublishedCells(new Publication(), null), (key, args) -> m(locale, key, args));
        if (transitionTable != null) {
            sections.add(new Section("overganger", m(locale, "reportDashboard.transitions.heading"), List.of(transitionTable)));
        }

        // leisure inclusion likewise: the organisation's processes, exactly (the annual report's table)
        Table leisureTable = f.leisure() == null ? null : LeisureTable.of(f.leisure(),
                new PublishedCells(new Publication(), null), (key, args) -> m(locale, key, args));
        if (leisureTable != null) {
            sections.add(new Section("fritid", m(locale, "reportDashboard.leisure.heading"), List.of(leisureTable)));
        }

        String scope = departmentId == null ? m(locale, "reportDashboard.wholeOrganisation") : departments.get(departmentId).name();
        return new ReportDocument(m(locale, "reportDashboard.title"), scope, List.of(), sections);
    }

    private static Chart chart(String id, String title, List<BarChart.Bar> bars, Table table) {
        return new Chart(BarChart.render(id, title, describe(bars), bars), table);
    }

    private static String describe(List<BarChart.Bar> bars) {
        return String.join(", ", bars.stream().map(b -> b.label() + ": " + b.shown()).toList());
    }

    private String m(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
