package no.tilfrisk.report.funder;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.leisure.LeisureFigures;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.plan.PlanFigures;
import no.tilfrisk.platform.chart.BarChart;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.project.Project;
import no.tilfrisk.project.Projects;
import no.tilfrisk.report.annual.LeisureTable;
import no.tilfrisk.report.annual.PublishedCells;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.report.disclosure.Suppression;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funder's final report (sluttrapport) of a project, in the shape of seed 003: the project and its grants,
 * goals and background, the persons reached against the planned reach, the activities, results against goals and
 * outcome shares of the project's participants, and the narrative sections. Computed over the project's period.
 * <p>
 * Counting rules, stated in the report beside each figure:
 * <ul>
 *   <li><b>reached</b> = the target group: the linked participants and those named in the attendance of a linked
 *       activity's sessions in the period who were participants at some time in it, each once (anonymous
 *       head-counts are not persons and are not in it). The others named in the attendance (volunteers on a walk,
 *       helpers) are counted apart, as seed 003 counts its Tidgivere apart from those they helped;</li>
 *   <li><b>activities</b> by the rules of {@code ActivityCounts} (sessions not cancelled; attendances = named +
 *       anonymous; participants = unique named + the largest anonymous head-counts);</li>
 *   <li><b>goals</b>: main goals of the linked participants set by the end of the period, and how many stand as
 *       reached; also the participants with a goal and those who reached at least one;</li>
 *   <li><b>leisure inclusion</b>: the annual report's «Fritid og inkludering» figures for the linked participants
 *       only (their processes, and loans to them), over the project's period.</li>
 * </ul>
 * The external version (always for report readers) registers every figure with how it hangs together with the
 * others in a {@link Publication} (the persons reached are at most the named plus the linked; a count of
 * participants is at most the attendances; the persons who reached a goal are at most the goals reached; shares are
 * computed from their counts) and shows what {@link Suppression} hides as «:», with a note under the table.
 * <p>
 * Why one class of about 400 lines: a figure's count and its registration in the one {@code Publication} must sit
 * together, since the disclosure check relates figures across every section; split by section, a rule between two
 * sections would have no home. The figures themselves come from the modules (ActivityCounts, LeisureFigures...).
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'REPORT_VIEWER')")
public class FunderReport {

    /** The figures before any suppression: what tests and the document are made from. */
    public record Figures(Project project, LocalDate from, LocalDate to, long namedInActivities,
                          long linkedParticipants, long reached, long othersInActivities,
                          List<ActivityOverview> activities, long sessions,
                          long attendances, PlanFigures.GoalTally goals, List<Aggregate> outcomes,
                          LeisureFigures.Figures leisure) {
    }

    private final Projects projects;
    private final Activities activities;
    private final PersonLookup persons;
    private final PlanFigures planFigures;
    private final OutcomeAggregates outcomes;
    private final LeisureFigures leisure;
    private final Organisations organisations;
    private final MessageSource messages;

    FunderReport(Projects projects, Activities activities, PersonLookup persons, PlanFigures planFigures, OutcomeAggregates outcomes,
                 LeisureFigures leisure, Organisations organisations, MessageSource messages) {
        this.leisure = leisure;
        this.projects = projects;
        this.activities = activities;
        this.persons = persons;
        this.planFigures = planFigures;
        this.outcomes = outcomes;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** Whether the caller only ever gets the external version (report readers). */
    public static boolean externalOnly() {
        return Tenancy.currentPrincipal().map(p -> !p.hasRole("ORG_ADMIN") && !p.hasRole("COORDINATOR")).orElse(true);
    }

    @Transactional(readOnly = true)
    public Figures figures(UUID projectId) {
        Project project = projects.get(projectId);
        LocalDate from = project.startsOn();
        LocalDate to = project.endsOn();
        List<UUID> activityIds = projects.activityIds(projectId);
        Set<UUID> participants = projects.participantIds(projectId);
        Set<UUID> named = activities.namedAttendees(activityIds, from, to);
        Set<UUID> reached = new HashSet<>(participants);
        Map<UUID, PersonLookup.Participation> participation = persons.participation(named);
        long others = 0;
        for (UUID id : named) {
            PersonLookup.Participation p = participation.get(id);
            if (p != null && !p.from().isAfter(to) && (p.to() == null || !p.to().isBefore(from))) {
                reached.add(id);
            } else if (!participants.contains(id)) {
                others++;
            }
        }
        List<ActivityOverview> overviews = activities.overviewsOf(activityIds, from, to);
        long sessions = overviews.stream().mapToLong(o -> o.counts().sessions()).sum();
        long attendances = overviews.stream().mapToLong(o -> o.counts().attendances()).sum();
        return new Figures(project, from, to, named.size(), participants.size(), reached.size(), others, overviews,
                sessions,
                attendances, planFigures.goalTally(participants, to), outcomes.forPersons(participants, from, to),
                leisure.forParticipants(participants, from, to));
    }

    /**
     * The report as a document in the reader's language. {@code external} asks for the version with small numbers
     * hidden; report readers get it whatever they ask.
     */
    @Transactional(readOnly = true)
    public ReportDocument document(UUID projectId, boolean external, Locale locale) {
        boolean ext = external || externalOnly();
        Figures f = figures(projectId);
        Publication publication = new Publication();
        ReportDocument exact = write(f, new Texts(messages, locale, ext, new PublishedCells(publication, null)));
        if (!ext) {
            return exact;
        }
        return write(f, new Texts(messages, locale, true, new PublishedCells(publication, Suppression.apply(publication))));
    }

    private ReportDocument write(Figures f, Texts t) {
        Project p = f.project();
        boolean ext = t.external();
        List<Section> sections = new ArrayList<>();

        // 1. the project as granted
        List<List<Cell>> details = new ArrayList<>();
        details.add(row(t.m("funderReport.detail.name"), p.name()));
        details.add(row(t.m("funderReport.detail.funder"), p.funder()));
        if (p.programme() != null) {
            details.add(row(t.m("funderReport.detail.programme"), p.programme()));
        }
        if (p.projectLead() != null) {
            details.add(row(t.m("funderReport.detail.projectLead"), p.projectLead()));
        }
        details.add(row(t.m("funderReport.detail.startsOn"), t.date(p.startsOn())));
        details.add(row(t.m("funderReport.detail.endsOn"), t.date(p.endsOn())));
        if (p.targetGroup() != null) {
            details.add(row(t.m("funderReport.detail.targetGroup"), p.targetGroup()));
        }
        details.add(row(t.m("funderReport.detail.plannedReach"),
                p.plannedReach() == null ? t.m("funderReport.notSet") : Integer.toString(p.plannedReach())));
        List<ReportDocument.Block> projectBlocks = new ArrayList<>();
        projectBlocks.add(new Table(t.m("funderReport.details.caption"), List.of(t.m("funderReport.details.field"),
                t.m("funderReport.details.value")), details, true, null));
        if (!p.grants().isEmpty()) {
            List<List<Cell>> grants = new ArrayList<>();
            p.grants().forEach(g -> grants.add(List.of(Cell.text(Integer.toString(g.year())),
                    Cell.number(BigDecimal.valueOf(g.amountOre(), 2), t.kroner(g.amountOre())))));
            grants.add(List.of(Cell.text(t.m("funderReport.total")),
                    Cell.number(BigDecimal.valueOf(p.totalOre(), 2), t.kroner(p.totalOre()))));
            projectBlocks.add(new Table(t.m("funderReport.grants.caption"),
                    List.of(t.m("funderReport.grants.year"), t.m("funderReport.grants.amount")), grants, true, null));
        }
        sections.add(new Section("prosjektet", t.m("funderReport.section.project"), projectBlocks));

        // 2. goals, target group and background
        List<ReportDocument.Block> goalBlocks = new ArrayList<>();
        if (p.goals().isEmpty()) {
            goalBlocks.add(Paragraph.of(t.m("funderReport.goals.none")));
        } else {
            goalBlocks.add(new ReportDocument.Subheading(t.m("funderReport.goals.heading")));
            goalBlocks.add(new Paragraph(String.join("\n", p.goals().stream().map(g -> "– " + g).toList()),
                    "<ul>" + String.join("", p.goals().stream().map(g -> "<li>" + escape(g) + "</li>").toList()) + "</ul>"));
        }
        narrative(goalBlocks, p.backgroundMd(), null);
        sections.add(new Section("maal-og-bakgrunn", t.m("funderReport.section.goals"), goalBlocks));

        // 3. persons reached
        List<List<Cell>> reach = new ArrayList<>();
        reach.add(List.of(Cell.text(t.m("funderReport.reach.named")), t.cells().persons("reach/named", f.namedInActivities())));
        reach.add(List.of(Cell.text(t.m("funderReport.reach.linked")), t.cells().persons("reach/linked", f.linkedParticipants())));
        reach.add(List.of(Cell.text(t.m("funderReport.reach.reached")), t.cells().persons("reach/reached", f.reached())));
        reach.add(List.of(Cell.text(t.m("funderReport.reach.others")),
                t.cells().persons("reach/others", f.othersInActivities())));
        // the target group reached is the linked and the named participants, some of them both; every named person
        // is either in the target group or among the others
        t.cells().publication().atMost("reach/linked", "reach/reached");
        t.cells().publication().atMost("reach/others", "reach/named");
        t.cells().publication().atMostSum("reach/reached", List.of("reach/named", "reach/linked"));
        t.cells().publication().atMostSum("reach/named", List.of("reach/reached", "reach/others"));
        if (p.plannedReach() != null) {
            reach.add(List.of(Cell.text(t.m("funderReport.reach.planned")), Cell.number(p.plannedReach())));
            reach.add(List.of(Cell.text(t.m("funderReport.reach.share")),
                    t.share("reach/share", f.reached(), p.plannedReach(), "reach/reached")));
        }
        sections.add(new Section("naadd", t.m("funderReport.section.reach"), List.of(
                new Table(t.m("funderReport.reach.caption"), List.of(t.m("funderReport.figure"), t.m("funderReport.value")),
                        reach, true, t.note("funderReport.reach.rule", reach)))));

        // 4. activities
        List<ReportDocument.Block> activityBlocks = new ArrayList<>();
        if (f.activities().isEmpty()) {
            activityBlocks.add(Paragraph.of(t.m("funderReport.activities.none")));
        } else {
            List<List<Cell>> rows = new ArrayList<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            List<String> sessionKeys = new ArrayList<>();
            List<String> attendanceKeys = new ArrayList<>();
            List<String> participantKeys = new ArrayList<>();
            for (ActivityOverview o : f.activities()) {
                String key = "activity/" + o.activity().id() + "/";
                Cell attendances = t.cells().count(key + "attendances", o.counts().attendances());
                rows.add(List.of(Cell.text(o.activity().name()), Cell.text(o.departmentName()),
                        t.cells().count(key + "sessions", o.counts().sessions()), attendances,
                        t.cells().persons(key + "participants", o.counts().participants())));
                t.cells().publication().atMost(key + "participants", key + "attendances");
                sessionKeys.add(key + "sessions");
                attendanceKeys.add(key + "attendances");
                participantKeys.add(key + "participants");
                bars.add(attendances.suppressed() ? new BarChart.Bar(o.activity().name(), null, attendances.text())
                        : BarChart.Bar.of(o.activity().name(), o.counts().attendances()));
            }
            // the named in the activities are among their participants
            t.cells().publication().atMostSum("reach/named", participantKeys);
            rows.add(List.of(Cell.text(t.m("funderReport.total")), Cell.text(""), t.cells().count("activities/sessions", f.sessions()),
                    t.cells().count("activities/attendances", f.attendances()), Cell.text("–")));
            t.cells().publication().sum("activities/sessions", sessionKeys);
            t.cells().publication().sum("activities/attendances", attendanceKeys);
            Table table = new Table(t.m("funderReport.activities.caption"), List.of(t.m("funderReport.activities.name"),
                    t.m("funderReport.activities.department"), t.m("funderReport.activities.sessions"),
                    t.m("funderReport.activities.attendances"), t.m("funderReport.activities.participants")),
                    rows, true, t.note("funderReport.activities.rule", rows));
            String svg = BarChart.render("funder-activities", t.m("funderReport.activities.chart"),
                    String.join(", ", bars.stream().map(b -> b.label() + " " + b.shown()).toList()), bars);
            activityBlocks.add(new Chart(svg, table));
        }
        sections.add(new Section("aktiviteter", t.m("funderReport.section.activities"), activityBlocks));

        // 5. results against goals
        PlanFigures.GoalTally g = f.goals();
        List<List<Cell>> results = new ArrayList<>();
        results.add(List.of(Cell.text(t.m("funderReport.results.goals")), t.cells().count("goals/all", g.goals())));
        results.add(List.of(Cell.text(t.m("funderReport.results.reached")), t.cells().count("goals/reached", g.reached())));
        results.add(List.of(Cell.text(t.m("funderReport.results.share")),
                t.share("goals/share", g.reached(), g.goals(), "goals/reached", "goals/all")));
        results.add(List.of(Cell.text(t.m("funderReport.results.persons")), t.cells().persons("goals/persons", g.persons())));
        results.add(List.of(Cell.text(t.m("funderReport.results.personsReached")),
                t.cells().persons("goals/personsReached", g.personsReached())));
        results.add(List.of(Cell.text(t.m("funderReport.results.personsShare")),
                t.share("goals/personsShare", g.personsReached(), g.persons(), "goals/personsReached", "goals/persons")));
        if (p.goalTargetPercent() != null) {
            // the project's own target (seed 003: «80 % av deltakerne har oppnådd sine hovedmål»); whether it is met
            // says something about the share, so it shows only where the share may
            results.add(List.of(Cell.text(t.m("funderReport.results.target")),
                    Cell.text(t.percent(p.goalTargetPercent().longValue()))));
            boolean met = g.persons() > 0 && 100L * g.personsReached() >= (long) p.goalTargetPercent() * g.persons();
            results.add(List.of(Cell.text(t.m("funderReport.results.targetReached")),
                    t.cells().derived("goals/targetReached", Cell.text(t.m("funderReport.results.targetReached."
                            + (met ? "yes" : "no"))), "goals/personsReached", "goals/persons")));
        }
        // goals belong to linked participants, each with at least one; a person who reached one reached a goal
        t.cells().publication().atMost("goals/reached", "goals/all");
        t.cells().publication().atMost("goals/personsReached", "goals/persons");
        t.cells().publication().atMost("goals/persons", "goals/all");
        t.cells().publication().atMost("goals/personsReached", "goals/reached");
        t.cells().publication().atMost("goals/persons", "reach/linked");
        List<ReportDocument.Block> resultBlocks = new ArrayList<>();
        resultBlocks.add(new Table(t.m("funderReport.results.caption"),
                List.of(t.m("funderReport.figure"), t.m("funderReport.value")), results, true,
                t.note("funderReport.results.rule", results)));
        List<List<Cell>> outcomeRows = new ArrayList<>();
        for (Aggregate a : f.outcomes()) {
            // the share of n gives the count «yes» back, so it is registered as shown; «no» = n − yes as well
            String key = "outcome/" + a.key() + "/";
            t.cells().publication().persons(key + "yes", a.numerator());
            Cell n = t.cells().persons(key + "n", a.denominator());
            t.cells().publication().unpublishedRest(key + "n", key + "yes", key + "no");
            t.cells().publication().atMost(key + "n", "reach/linked");
            Cell share = a.shown() ? t.cells().derived(key + "share", Cell.number(a.share(), t.percent(Aggregate.percent(a.share()))),
                    key + "yes", key + "n") : Cell.text(t.m("funderReport.tooFew"));
            Cell interval = a.shown() && a.low() != null ? t.cells().derived(key + "interval", Cell.text(
                    t.percent(Aggregate.percent(a.low())) + "–" + t.percent(Aggregate.percent(a.high()))), key + "yes", key + "n")
                    : Cell.text("");
            outcomeRows.add(List.of(Cell.text(t.m("outcome.aggregate." + a.key() + ".title")), share, n, interval));
        }
        if (f.outcomes().stream().allMatch(a -> a.denominator() == 0)) {
            resultBlocks.add(Paragraph.of(t.m("funderReport.outcomes.none")));
        } else {
            resultBlocks.add(new Table(t.m("funderReport.outcomes.caption"), List.of(t.m("funderReport.outcomes.figure"),
                    t.m("funderReport.outcomes.share"), t.m("funderReport.outcomes.n"), t.m("funderReport.outcomes.interval")),
                    outcomeRows, true, t.note("funderReport.outcomes.rule", outcomeRows)));
        }
        leisure(resultBlocks, f.leisure(), t);
        sections.add(new Section("resultater-mot-maal", t.m("funderReport.section.results"), resultBlocks));

        // 6–8. narrative
        sections.add(narrativeSection("metode", t.m("funderReport.section.method"), p.methodMd(), t));
        sections.add(narrativeSection("resultatvurdering", t.m("funderReport.section.assessment"), p.resultsMd(), t));
        sections.add(narrativeSection("oppsummering", t.m("funderReport.section.summary"), p.summaryMd(), t));

        List<String> cover = new ArrayList<>();
        cover.add(t.m("funderReport.cover.funder", p.funder()));
        cover.add(t.date(f.from()) + "–" + t.date(f.to()));
        cover.add(ext ? t.m("funderReport.cover.external") : t.m("funderReport.cover.internal"));
        return new ReportDocument(t.m("funderReport.title", p.name()), organisations.current().name(), cover, sections);
    }

    /**
     * The linked participants' leisure inclusion, as the annual report's table under keys of their own; each count
     * of persons is at most the linked participants it is drawn from. Nothing where they had no leisure work.
     */
    private static void leisure(List<ReportDocument.Block> blocks, LeisureFigures.Figures figures, Texts t) {
        String key = "leisure/project/";
        Table table = LeisureTable.of(figures, t.cells(), (k, args) -> t.m(k, args), key);
        if (table == null) {
            return;
        }
        for (String count : List.of("inProcess", "cohort6", "cohort12", "workOrStudies")) {
            t.cells().publication().atMost(key + count, "reach/linked");
        }
        blocks.add(new Table(table.caption(), table.headers(), table.rows(), table.rowHeaders(),
                t.note("leisure.figures.rule", table.rows())));
    }

    private static Section narrativeSection(String key, String heading, String markdown, Texts t) {
        List<ReportDocument.Block> blocks = new ArrayList<>();
        narrative(blocks, markdown, t.m("funderReport.narrative.empty"));
        return new Section(key, heading, blocks);
    }

    private static void narrative(List<ReportDocument.Block> blocks, String markdown, String whenEmpty) {
        String html = FunderMarkdown.html(markdown);
        if (html == null) {
            if (whenEmpty != null) {
                blocks.add(Paragraph.of(whenEmpty));
            }
            return;
        }
        blocks.add(new Paragraph(FunderMarkdown.text(markdown), html));
    }

    private static List<Cell> row(String label, String value) {
        return List.of(Cell.text(label), Cell.text(value));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Texts and numbers in the reader's language. Every figure is registered in the publication; where the version
     * is external and the suppression has run ({@code decided}), a hidden one shows «:».
     */
    private record Texts(MessageSource messages, Locale locale, boolean external, PublishedCells cells) {

        String m(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        /** The rule, and under a table with a hidden figure what «:» means. */
        String note(String ruleKey, List<List<Cell>> rows) {
            boolean hidden = rows.stream().flatMap(List::stream).anyMatch(Cell::suppressed);
            return hidden ? m(ruleKey) + " " + m("funderReport.suppressed", Suppression.THRESHOLD) : m(ruleKey);
        }

        /** A share with its base, computed from the figures named (the base may be a fixed number, such as a plan). */
        Cell share(String key, long numerator, long denominator, String... from) {
            if (denominator <= 0) {
                return Cell.text("–");
            }
            double share = (double) numerator / denominator;
            return cells.derived(key, Cell.number(share, m("funderReport.shareOf", percent(Math.round(share * 100)), denominator)), from);
        }

        String percent(Long value) {
            return value == null ? "–" : m("funderReport.percent", value);
        }

        String date(LocalDate d) {
            return d.format(DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMM yyyy" : "dd.MM.yyyy", locale));
        }

        String kroner(long ore) {
            NumberFormat f = NumberFormat.getNumberInstance(locale.getLanguage().equals("en") ? Locale.UK : Locale.forLanguageTag("nb-NO"));
            f.setMinimumFractionDigits(ore % 100 == 0 ? 0 : 2);
            f.setMaximumFractionDigits(2);
            // one kind of space between thousands whatever the JDK's locale data says (some use a narrow one)
            return m("funderReport.kroner", f.format(BigDecimal.valueOf(ore, 2)).replace('\u202f', '\u00a0'));
        }
    }
}
