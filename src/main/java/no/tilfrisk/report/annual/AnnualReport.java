package no.tilfrisk.report.annual;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRecord;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.collaboration.CollaborationSummary;
import no.tilfrisk.directory.Referrals;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.leisure.LeisureFigures;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.chart.BarChart;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import no.tilfrisk.report.annual.ReportDocument.Block;
import no.tilfrisk.report.annual.ReportDocument.Cell;
import no.tilfrisk.report.annual.ReportDocument.Chart;
import no.tilfrisk.report.annual.ReportDocument.Paragraph;
import no.tilfrisk.report.annual.ReportDocument.Section;
import no.tilfrisk.report.annual.ReportDocument.Subheading;
import no.tilfrisk.report.annual.ReportDocument.Table;
import no.tilfrisk.report.annual.ReportDocument.Unit;
import no.tilfrisk.report.disclosure.Publication;
import no.tilfrisk.report.disclosure.Suppression;
import no.tilfrisk.transition.TransitionFigures;
import no.tilfrisk.volunteer.VolunteerFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report (PRODUCT.md «The annual report», after seed 000) for a period and the organisation or one
 * department, computed from what was registered, as a {@link ReportDocument} for the page and every export. Each
 * computed figure states its rule; for a reader who may see persons (and has not asked for the external version)
 * figures link to the records behind them.
 * <p>
 * The external version (always for a report reader) is for a whole calendar year only. Every figure it publishes is
 * registered in one {@link Publication} with how it hangs together with the others (totals, counts of contacts
 * that bound the persons who had them, shares and estimates computed from counts), for the organisation and every
 * department of that year at once, read as a report reader reads them; {@link Suppression} hides what could point
 * to fewer than 5 persons, and the report shows every hidden figure as «:» and says so under its table. So the
 * external report of one scope is the same whoever asks for it, and no two of them can be subtracted.
 * <p>
 * Why one class of about 800 lines: it is the one report of seed 000, section by section, and every section is
 * written by the one {@code Writer}, whose helpers ({@code persons}, {@code count}, {@code derived}) both register a
 * figure with its relations and show it or «:». Split by section, each part would need the writer's request, texts,
 * publication and decisions passed in; the figures' keys and relations, which must agree across sections and
 * scopes, are easier to check side by side. The reads live in the modules ({@code ContactFigures},
 * {@code OutcomeAggregates}, {@code PersonLookup.roleCounts}, …), the rules of suppression in {@code disclosure}.
 */
@Service
public class AnnualReport {

    /** What is asked for: the period (both dates included), the department (null: the organisation), external. */
    public record Request(LocalDate from, LocalDate to, UUID departmentId, boolean external) {

        public static Request year(int year, UUID departmentId, boolean external) {
            return new Request(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), departmentId, external);
        }

        /** The year the narratives belong to: the year the period starts in. */
        public int year() {
            return from.getYear();
        }
    }

    /** The longest period one report covers. */
    static final int MAX_YEARS = 5;

    /**
     * The roles of seed 000's table: participants, relatives and the «aktører». A facilitator («tilrettelegger»,
     * leisure module) is a member of a club outside the organisation and has no column; the leisure table counts
     * the inclusion work instead.
     */
    static final List<PersonRole> ROLES = Arrays.stream(PersonRole.values())
            .filter(r -> r != PersonRole.FACILITATOR).toList();

    private final Activities activities;
    private final Distributions distributions;
    private final PersonLookup persons;
    private final ContactFigures contacts;
    private final OutcomeAggregates outcomes;
    private final CollaborationRegister collaboration;
    private final VolunteerFigures volunteers;
    private final TransitionFigures transitions;
    private final LeisureFigures leisure;
    private final Referrals referrals;
    private final Departments departments;
    private final Organisations organisations;
    private final ReportNarratives narratives;
    private final Clock clock;
    private final MessageSource messages;

    AnnualReport(Activities activities, Distributions distributions, PersonLookup persons, ContactFigures contacts,
                 OutcomeAggregates outcomes, CollaborationRegister collaboration, VolunteerFigures volunteers, Referrals referrals,
                 TransitionFigures transitions, LeisureFigures leisure, Departments departments, Organisations organisations, ReportNarratives narratives, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.activities = activities;
        this.distributions = distributions;
        this.persons = persons;
        this.contacts = contacts;
        this.outcomes = outcomes;
        this.collaboration = collaboration;
        this.volunteers = volunteers;
        this.transitions = transitions;
        this.leisure = leisure;
        this.referrals = referrals;
        this.departments = departments;
        this.organisations = organisations;
        this.narratives = narratives;
        this.messages = messages;
    }

    /** Checks the request against the caller's rights and the rules of a period; the external flag as it applies. */
    @Transactional(readOnly = true)
    public Request check(Request request) {
        ReportAccess.requireRead();
        List<InvalidInputException> broken = new ArrayList<>();
        if (request.from() == null) {
            broken.add(new InvalidInputException("from", "report.annual.period.from.required"));
        }
        if (request.to() == null) {
            broken.add(new InvalidInputException("to", "report.annual.period.to.required"));
        }
        if (request.from() != null && request.to() != null) {
            if (request.to().isBefore(request.from())) {
                broken.add(new InvalidInputException("to", "report.annual.period.order"));
            } else if (request.from().plusYears(MAX_YEARS).isBefore(request.to())) {
                broken.add(new InvalidInputException("to", "report.annual.period.length"));
            }
            if (request.from().getYear() < 2000 || request.to().getYear() > 2100) {
                broken.add(new InvalidInputException("from", "report.annual.year.invalid"));
            }
        }
        if (request.departmentId() != null && !departments.exists(request.departmentId())) {
            broken.add(new InvalidInputException("department", "report.annual.department.unknown"));
        } else if (!ReportAccess.mayUse(request.departmentId())) {
            broken.add(new InvalidInputException("department", request.departmentId() == null
                    ? "report.annual.department.required" : "report.annual.department.notYours"));
        }
        boolean external = request.external() || !ReportAccess.maySeePersons();
        if (external && request.from() != null && request.to() != null && !wholeYear(request.from(), request.to())) {
            broken.add(new InvalidInputException("from", "report.annual.period.external"));
        }
        InvalidInputException.throwIfAny(broken);
        return new Request(request.from(), request.to(), request.departmentId(), external);
    }

    static boolean wholeYear(LocalDate from, LocalDate to) {
        return from.getDayOfYear() == 1 && to.equals(LocalDate.of(from.getYear(), 12, 31));
    }

    /** The report, in the reader's language. */
    @Transactional(readOnly = true)
    public ReportDocument build(Request asked, Locale locale) {
        Request r = check(asked);
        if (!r.external()) {
            return new Writer(r, locale, new Publication()).document();
        }
        Written written = write(r.year(), locale);
        Writer w = written.writers().get(r.departmentId() == null ? "org" : r.departmentId().toString());
        w.cells = w.cells.decided(written.disclosed().result());
        return w.document();
    }

    /** What the external reports of a year publish: how many scopes, every figure, and what is hidden. */
    public record Disclosed(int scopes, Publication publication, Suppression.Result result) {
    }

    /** Every scope's external report of a year, written once to learn its figures. */
    private record Written(Map<String, Writer> writers, Disclosed disclosed) {
    }

    /**
     * The figures of the external reports of a year for the organisation and each of its departments, read as a
     * report reader reads them (what any report reader may fetch together), and the suppression over all of them.
     */
    @Transactional(readOnly = true)
    public Disclosed disclose(int year, Locale locale) {
        ReportAccess.requireRead();
        return write(year, locale).disclosed();
    }

    private Written write(int year, Locale locale) {
        return ReportReaderView.run(() -> {
            Publication publication = new Publication();
            Map<String, Writer> writers = new LinkedHashMap<>();
            List<UUID> scopes = new ArrayList<>();
            scopes.add(null);
            departments.list().forEach(d -> scopes.add(d.id()));
            for (UUID scope : scopes) {
                Writer w = new Writer(Request.year(year, scope, true), locale, publication);
                w.document();
                writers.put(scope == null ? "org" : scope.toString(), w);
            }
            return new Written(writers, new Disclosed(writers.size(), publication, Suppression.apply(publication)));
        });
    }

    /** One report being written: the request, the language, the helpers for texts, counts and links. */
    final class Writer {

        private final Request r;
        private final Locale locale;
        private final boolean links;
        private final Map<NarrativeSection, ReportNarratives.Narrative> texts;
        private final List<Department> scope;
        private final DateTimeFormatter dates;
        private final Publication publication;
        /** The key of this report's scope in figure keys: «org» or the department's id. */
        private final String scopeKey;
        /** The last day whose sessions count as held: the period's end, or today where the period goes on. */
        private final LocalDate held;
        /** The figures' cells: registered in the publication, «:» once the suppression has hidden them. */
        private PublishedCells cells;

        Writer(Request r, Locale locale, Publication publication) {
            this.r = r;
            this.locale = locale;
            this.publication = publication;
            this.cells = new PublishedCells(publication, null);
            this.scopeKey = r.departmentId() == null ? "org" : r.departmentId().toString();
            LocalDate today = LocalDate.now(clock);
            this.held = r.to().isAfter(today) ? today : r.to();
            this.links = !r.external();
            this.texts = narratives.forReport(r.year(), r.departmentId());
            List<Department> all = departments.list();
            this.scope = r.departmentId() == null ? all
                    : all.stream().filter(d -> d.id().equals(r.departmentId())).toList();
            this.dates = DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "d MMM yyyy" : "dd.MM.yyyy", locale);
        }

        ReportDocument document() {
            String orgName = organisations.current().name();
            List<String> cover = new ArrayList<>();
            cover.add(r.departmentId() == null ? m("report.annual.scope.organisation")
                    : m("report.annual.scope.department", scope.get(0).name()));
            cover.add(m("report.annual.period", date(r.from()), date(r.to())));
            cover.add(r.external() ? m("report.annual.external.rule") : m("report.annual.internal.rule"));
            if (held.isBefore(r.to())) {
                cover.add(m("report.annual.heldUntil", date(held)));
            }
            List<Section> sections = new ArrayList<>();
            for (NarrativeSection s : NarrativeSection.values()) {
                List<Block> blocks = new ArrayList<>();
                switch (s) {
                    case ACTIVITY -> {
                        activity(blocks);
                        leisure(blocks);
                    }
                    case EVENTS -> events(blocks);
                    case PROFESSIONAL -> {
                        professional(blocks);
                        referrals(blocks);
                    }
                    case PARTICIPATION -> participation(blocks);
                    case FOLLOWUP -> {
                        followup(blocks);
                        volunteers(blocks);
                        transitions(blocks);
                    }
                    case RESULTS -> results(blocks);
                    case GOVERNANCE -> governance(blocks);
                    case POLITICAL -> political(blocks);
                    default -> {
                    }
                }
                ReportNarratives.Narrative text = texts.get(s);
                if (text != null) {
                    if (s.computed()) {
                        blocks.add(new Subheading(m("report.annual.comment")));
                    }
                    blocks.add(new Paragraph(text.text(), text.html()));
                } else if (!s.computed()) {
                    blocks.add(Paragraph.of(m("report.annual.narrative.missing")));
                }
                sections.add(new Section(s.key(), s.number() + ". " + m("report.annual.section." + s.key()),
                        blocks.stream().map(this::noted).toList()));
            }
            String title = r.from().getYear() == r.to().getYear() && r.from().getDayOfYear() == 1
                    && r.to().equals(LocalDate.of(r.to().getYear(), 12, 31))
                    ? m("report.annual.title", String.valueOf(r.year()))
                    : m("report.annual.title.period", date(r.from()), date(r.to()));
            return new ReportDocument(title, orgName, cover, sections);
        }

        // ---- 3. Activity and participation ----

        private void activity(List<Block> blocks) {
            List<PersonLookup.RoleCount> counts = roleCounts();
            boolean anyPersons = counts.stream().anyMatch(c -> c.departmentId() != null
                    && scope.stream().anyMatch(d -> d.id().equals(c.departmentId())));
            List<ActivityOverview> list = activities();
            List<ActivityOverview> groups = list.stream().filter(a -> a.activity().format() == ActivityFormat.GROUP)
                    .sorted(Comparator.comparing((ActivityOverview a) -> a.departmentName())
                            .thenComparing(a -> a.activity().startDate()).thenComparing(a -> a.activity().name()))
                    .toList();
            if (!anyPersons && groups.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            // departments: start date
            List<List<Cell>> deptRows = new ArrayList<>();
            for (Department d : scope) {
                Cell name = Cell.text(d.name());
                deptRows.add(List.of(links ? name.withLink("/persons?department=" + d.id()) : name,
                        Cell.text(d.startDate() == null ? "" : date(d.startDate()))));
            }
            blocks.add(new Table(m("report.annual.departments.caption"),
                    List.of(m("report.annual.department"), m("report.annual.startDate")), deptRows, true, null));

            // persons per department and role, with the distinct persons of each department and of the organisation
            blocks.add(roleTable(counts));
            List<BarChart.Bar> bars = new ArrayList<>();
            List<List<Cell>> chartRows = new ArrayList<>();
            for (Department d : scope) {
                Cell c = cells.persons(roleKey(d.id().toString(), PersonRole.PARTICIPANT), roleCount(counts, d.id(), PersonRole.PARTICIPANT));
                bars.add(c.suppressed() ? new BarChart.Bar(d.name(), null, c.text()) : BarChart.Bar.of(d.name(), (Long) c.number()));
                chartRows.add(List.of(Cell.text(d.name()), c));
            }
            blocks.add(new Chart(BarChart.render("chart-participants", m("report.annual.participants.chart"),
                    m("report.annual.participants.chart.description"), bars),
                    new Table(m("report.annual.participants.chart"), List.of(m("report.annual.department"),
                            m("report.annual.role.PARTICIPANT")), chartRows, true, null)));

            List<ActivityOverview> ongoing = groups.stream().filter(a -> a.activity().endDate() == null).toList();
            List<ActivityOverview> periods = groups.stream().filter(a -> a.activity().endDate() != null).toList();
            blocks.add(new Subheading(m("report.annual.groups.heading")));
            if (ongoing.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.groups.none")));
            } else {
                blocks.add(activityTable(m("report.annual.groups.caption"), ongoing, false));
            }
            blocks.add(new Subheading(m("report.annual.periodGroups.heading")));
            if (periods.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.periodGroups.none")));
            } else {
                blocks.add(activityTable(m("report.annual.periodGroups.caption"), periods, true));
            }
        }

        /**
         * Persons per department and role; each department's total is its distinct persons, and the organisation's
         * row (in its report) its distinct persons per role and in all: not sums, since a person may have two roles
         * and be a member of two departments, and some persons are in no department.
         */
        private Table roleTable(List<PersonLookup.RoleCount> counts) {
            List<String> headers = new ArrayList<>();
            headers.add(m("report.annual.department"));
            ROLES.forEach(role -> headers.add(m("report.annual.role." + role.name())));
            headers.add(m("report.annual.roles.total"));
            List<List<Cell>> rows = new ArrayList<>();
            for (Department d : scope) {
                String dept = d.id().toString();
                String base = "/persons?department=" + d.id();
                List<Cell> row = new ArrayList<>();
                Cell name = Cell.text(d.name());
                row.add(links ? name.withLink(base) : name);
                List<String> parts = new ArrayList<>();
                String total = roleKey(dept, null);
                for (PersonRole role : ROLES) {
                    Cell c = cells.persons(roleKey(dept, role), roleCount(counts, d.id(), role));
                    row.add(links ? c.withLink(base + "&role=" + role.name()) : c);
                    parts.add(roleKey(dept, role));
                    publication.atMost(roleKey(dept, role), total);
                    publication.atMost(roleKey(dept, role), roleKey("org", role));
                }
                row.add(cells.persons(total, roleCount(counts, d.id(), null)));
                publication.atMostSum(total, parts);
                publication.atMost(total, roleKey("org", null));
                rows.add(row);
            }
            // the organisation's distinct persons: registered in every scope (the relations above name them)
            List<Cell> orgRow = new ArrayList<>();
            orgRow.add(Cell.text(m("report.annual.roles.organisation")));
            List<String> orgParts = new ArrayList<>();
            for (PersonRole role : ROLES) {
                orgRow.add(cells.persons(roleKey("org", role), roleCount(counts, null, role)));
                orgParts.add(roleKey("org", role));
                publication.atMost(roleKey("org", role), roleKey("org", null));
            }
            orgRow.add(cells.persons(roleKey("org", null), roleCount(counts, null, null)));
            publication.atMostSum(roleKey("org", null), orgParts);
            if (r.departmentId() == null) {
                rows.add(orgRow);
            }
            return new Table(m("report.annual.roles.caption"), headers, rows, true,
                    m("report.annual.roles.rule") + " " + m("report.annual.roles.distinct"));
        }

        private String roleKey(String dept, PersonRole role) {
            return "roles/" + dept + "/" + (role == null ? "*" : role.name());
        }

        private long roleCount(List<PersonLookup.RoleCount> counts, UUID departmentId, PersonRole role) {
            return counts.stream().filter(c -> Objects.equals(c.departmentId(), departmentId)
                    && c.role() == role).mapToLong(PersonLookup.RoleCount::persons).findFirst().orElse(0);
        }

        private Table activityTable(String caption, List<ActivityOverview> list, boolean period) {
            List<String> headers = new ArrayList<>(List.of(m("report.annual.activity"), m("report.annual.department"),
                    period ? m("report.annual.activity.period") : m("report.annual.startDate"),
                    m("report.annual.activity.sessions"), m("report.annual.activity.participants"),
                    m("report.annual.activity.named"), m("report.annual.activity.children"),
                    m("report.annual.activity.attendances"), m("report.annual.activity.guests"),
                    m("report.annual.activity.partners")));
            List<List<Cell>> rows = new ArrayList<>();
            for (ActivityOverview a : list) {
                Cell name = Cell.text(a.activity().name());
                String key = "activity/" + a.activity().id() + "/";
                var counts = a.counts();
                Cell participants = cells.persons(key + "participants", counts.participants());
                Cell named = cells.persons(key + "named", counts.uniqueNamed());
                Cell children = cells.persons(key + "children", counts.children());
                Cell attendances = cells.count(key + "attendances", counts.attendances());
                // unique named and children are among the participants, who are at most the attendances
                publication.atMost(key + "named", key + "participants");
                publication.atMost(key + "children", key + "participants");
                publication.atMost(key + "participants", key + "attendances");
                rows.add(List.of(links ? name.withLink("/activities/" + a.activity().id()) : name,
                        Cell.text(a.departmentName()),
                        Cell.text(period ? date(a.activity().startDate()) + "–" + date(a.activity().endDate())
                                : date(a.activity().startDate())),
                        cells.count(key + "sessions", counts.sessions()), participants, named, children, attendances,
                        cells.count(key + "guests", counts.guests()),
                        Cell.text(String.join(", ", a.activity().partners()))));
            }
            return new Table(caption, headers, rows, true, m("report.annual.activity.rule"));
        }

        // ---- 4. Events and social measures ----

        private void events(List<Block> blocks) {
            List<ActivityOverview> events = activities().stream()
                    .filter(a -> a.activity().format() == ActivityFormat.EVENT)
                    .sorted(Comparator.comparing((ActivityOverview a) -> a.activity().startDate())
                            .thenComparing(a -> a.activity().name()))
                    .toList();
            List<Distributions.Total> totals = distributions.totals(r.departmentId(), r.from(), r.to());
            if (events.isEmpty() && totals.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            if (events.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.events.none")));
            } else {
                blocks.add(activityTable(m("report.annual.events.caption"), events, false));
            }
            if (totals.isEmpty()) {
                blocks.add(Paragraph.of(m("report.annual.distributions.none")));
            } else {
                List<List<Cell>> rows = new ArrayList<>();
                for (Distributions.Total t : totals) {
                    // things handed out, not persons: no suppression, but figures of the report all the same
                    String key = "distribution/" + scopeKey + "/" + t.kind().name() + "/";
                    Cell count = Cell.number(t.count()).as(key + "count", Unit.COUNT);
                    rows.add(List.of(Cell.text(m("report.annual.distribution." + t.kind().name())),
                            links ? count.withLink("/distributions") : count,
                            t.valueOre() == 0 ? Cell.text("")
                                    : Cell.number(kroner(t.valueOre()), nok(kroner(t.valueOre()))).as(key + "value", Unit.NOK)));
                }
                blocks.add(new Table(m("report.annual.distributions.caption"),
                        List.of(m("report.annual.distribution.kind"), m("report.annual.distribution.count"),
                                m("report.annual.distribution.value")), rows, true, m("report.annual.distributions.rule")));
            }
        }

        // each read once per report
        private List<PersonLookup.RoleCount> roleCounts;
        private List<ActivityOverview> activityList;

        private List<PersonLookup.RoleCount> roleCounts() {
            if (roleCounts == null) {
                roleCounts = persons.roleCounts(r.from(), r.to(), ROLES);
            }
            return roleCounts;
        }

        private List<ActivityOverview> activities() {
            if (activityList == null) {
                activityList = held.isBefore(r.from()) ? List.of() : activities.list(r.departmentId(), r.from(), held);
            }
            return activityList;
        }

        // ---- 5, 6, 9, 10: the collaboration register ----

        private CollaborationSummary summary;

        private CollaborationSummary register() {
            if (summary == null) {
                summary = collaboration.summary(r.departmentId(), r.from(), r.to());
            }
            return summary;
        }

        private void professional(List<Block> blocks) {
            kinds(blocks, List.of(CollaborationKind.SERVICE_MEETING, CollaborationKind.SEMINAR));
        }

        private void participation(List<Block> blocks) {
            kinds(blocks, List.of(CollaborationKind.COUNCIL, CollaborationKind.USER_OFFICE,
                    CollaborationKind.CO_ORGANISED_EVENT));
        }

        private void governance(List<Block> blocks) {
            kinds(blocks, List.of(CollaborationKind.BOARD_MEETING, CollaborationKind.ANNUAL_MEETING));
        }

        private void political(List<Block> blocks) {
            kinds(blocks, List.of(CollaborationKind.POLITICAL_MEETING));
        }

        private void kinds(List<Block> blocks, List<CollaborationKind> kinds) {
            CollaborationSummary s = register();
            if (kinds.stream().allMatch(k -> s.of(k).count() == 0)) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            // how many of each, and the participants registered
            List<List<Cell>> rows = new ArrayList<>();
            boolean participantsUsed = kinds.stream().anyMatch(k -> k.uses(CollaborationKind.Field.PARTICIPANTS));
            for (CollaborationKind k : kinds) {
                CollaborationSummary.KindSummary ks = s.of(k);
                String key = "collaboration/" + scopeKey + "/" + k.name() + "/";
                Cell count = cells.count(key + "count", ks.count());
                List<Cell> row = new ArrayList<>(List.of(Cell.text(m("report.annual.kind." + k.name())),
                        links ? count.withLink("/collaboration?year=" + r.year() + "&kind=" + k.name()) : count));
                if (participantsUsed) {
                    if (!k.uses(CollaborationKind.Field.PARTICIPANTS)) {
                        row.add(Cell.text(""));
                    } else if (ks.participants() == null) {
                        row.add(Cell.text(ks.count() == 0 ? "" : m("report.annual.notRegistered")));
                    } else {
                        // the sum of the records' numbers, each of which the records' table shows
                        row.add(cells.persons(key + "participants", ks.participants()));
                        publication.sum(key + "participants", ks.records().stream().filter(c -> c.participants() != null)
                                .map(c -> recordKey(c)).toList());
                    }
                }
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of(m("report.annual.kind"), m("report.annual.kind.count")));
            if (participantsUsed) {
                headers.add(m("report.annual.kind.participants"));
            }
            blocks.add(new Table(m("report.annual.kinds.caption"), headers, rows, true,
                    participantsUsed ? m("report.annual.kinds.rule.participants") : m("report.annual.kinds.rule")));
            // the records themselves
            for (CollaborationKind k : kinds) {
                List<CollaborationRecord> records = s.of(k).records();
                if (records.isEmpty()) {
                    continue;
                }
                List<String> h = new ArrayList<>(List.of(m("report.annual.record.date")));
                if (k.uses(CollaborationKind.Field.TITLE)) {
                    h.add(m("report.annual.record.title." + k.name()));
                }
                if (k.uses(CollaborationKind.Field.PARTNER)) {
                    h.add(m("report.annual.record.partner." + k.name()));
                }
                if (k.uses(CollaborationKind.Field.ROLE)) {
                    h.add(m("report.annual.record.role"));
                }
                if (k.uses(CollaborationKind.Field.PARTICIPANTS)) {
                    h.add(m("report.annual.kind.participants"));
                }
                List<List<Cell>> recordRows = new ArrayList<>();
                for (CollaborationRecord c : records) {
                    List<Cell> row = new ArrayList<>();
                    String when = k.period()
                            ? date(c.startsOn()) + "–" + (c.endsOn() == null ? m("report.annual.ongoing") : date(c.endsOn()))
                            : date(c.startsOn());
                    row.add(Cell.text(when));
                    if (k.uses(CollaborationKind.Field.TITLE)) {
                        row.add(Cell.text(c.title()));
                    }
                    if (k.uses(CollaborationKind.Field.PARTNER)) {
                        row.add(Cell.text(c.partner()));
                    }
                    if (k.uses(CollaborationKind.Field.ROLE)) {
                        row.add(Cell.text(c.role()));
                    }
                    if (k.uses(CollaborationKind.Field.PARTICIPANTS)) {
                        row.add(c.participants() == null ? Cell.text(m("report.annual.notRegistered"))
                                : cells.persons(recordKey(c), c.participants()));
                    }
                    recordRows.add(row);
                }
                blocks.add(new Table(m("report.annual.kind." + k.name()), h, recordRows, false, null));
            }
        }

        // ---- 7. Individual follow-up ----

        private String recordKey(CollaborationRecord c) {
            return "collaboration/record/" + c.id() + "/participants";
        }

        private void followup(List<Block> blocks) {
            Map<ContactType, ContactFigures.TypeFigures> figures = contacts.byType(r.departmentId(), r.from(), r.to());
            if (figures.values().stream().allMatch(f -> f.total() == 0)) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            String base = "contacts/" + scopeKey + "/";
            List<List<Cell>> rows = new ArrayList<>();
            long logged = 0;
            long tallied = 0;
            List<String> loggedKeys = new ArrayList<>();
            List<String> talliedKeys = new ArrayList<>();
            List<String> totalKeys = new ArrayList<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            for (ContactFigures.TypeFigures f : figures.values()) {
                if (f.total() == 0) {
                    continue;
                }
                String label = m("report.annual.contact." + f.type().name());
                String key = base + f.type().name() + "/";
                Cell loggedCell = cells.count(key + "logged", f.logged());
                Cell personsCell = cells.persons(key + "persons", f.persons());
                Cell talliedCell = cells.count(key + "tallied", f.tallied());
                Cell totalCell = cells.count(key + "total", f.total());
                // each person had at least one logged contact; a department's contacts are among the organisation's
                publication.atMost(key + "persons", key + "logged");
                publication.sum(key + "total", List.of(key + "logged", key + "tallied"));
                if (r.departmentId() != null) {
                    String org = "contacts/org/" + f.type().name() + "/";
                    publication.atMost(key + "logged", org + "logged");
                    publication.atMost(key + "persons", org + "persons");
                }
                if (links) {
                    loggedCell = loggedCell.withLink("/contacts?type=" + f.type().name() + "&from=" + r.from() + "&to=" + r.to());
                    if (r.departmentId() != null) {
                        talliedCell = talliedCell.withLink("/tallies?department=" + r.departmentId());
                    }
                }
                rows.add(List.of(Cell.text(label), loggedCell, personsCell, talliedCell, totalCell));
                logged += f.logged();
                tallied += f.tallied();
                loggedKeys.add(key + "logged");
                talliedKeys.add(key + "tallied");
                totalKeys.add(key + "total");
                bars.add(totalCell.suppressed() ? new BarChart.Bar(label, null, totalCell.text())
                        : new BarChart.Bar(label, (double) f.total(), Long.toString(f.total())));
            }
            Cell loggedTotal = cells.count(base + "logged", logged);
            Cell talliedTotal = cells.count(base + "tallied", tallied);
            Cell total = cells.count(base + "total", logged + tallied);
            publication.sum(base + "logged", loggedKeys);
            publication.sum(base + "tallied", talliedKeys);
            publication.sum(base + "total", totalKeys);
            rows.add(List.of(Cell.text(m("report.annual.total")), loggedTotal, Cell.text(""), talliedTotal, total));
            Table table = new Table(m("report.annual.contacts.caption"),
                    List.of(m("report.annual.contact.type"), m("report.annual.contact.logged"),
                            m("report.annual.contact.persons"), m("report.annual.contact.tallied"),
                            m("report.annual.contact.total")), rows, true, m("report.annual.contacts.rule"));
            boolean totalsShown = !loggedTotal.suppressed() && !talliedTotal.suppressed();
            blocks.add(Paragraph.of(totalsShown ? m("report.annual.contacts.summary", logged, tallied)
                    : m("report.annual.contacts.summary.hidden")));
            blocks.add(new Chart(BarChart.render("chart-contacts", m("report.annual.contacts.chart"),
                    totalsShown ? m("report.annual.contacts.chart.description", logged, tallied)
                            : m("report.annual.contacts.chart.description.hidden"), bars), table));
        }

        /** Referrals to the directory's offers (section 5), in the organisation's report only, as the volunteers. */
        private void referrals(List<Block> blocks) {
            if (r.departmentId() == null) {
                Table t = ReferralTable.of(referrals.figures(r.from(), r.to()), cells, this::m);
                if (t != null) {
                    blocks.add(t);
                }
            }
        }

        /** Leisure inclusion («Fritid og inkludering»), in the organisation's report only, as the volunteers. */
        private void leisure(List<Block> blocks) {
            if (r.departmentId() == null) {
                Table t = LeisureTable.of(leisure.forPeriod(r.from(), r.to()), cells, this::m);
                if (t != null) {
                    blocks.add(t);
                }
            }
        }

        /** The volunteers, in the organisation's report only: their figures are not kept per department. */
        private void volunteers(List<Block> blocks) {
            if (r.departmentId() == null) {
                Table t = VolunteerTable.of(volunteers.forPeriod(r.from(), r.to()), cells, this::m, locale);
                if (t != null) {
                    blocks.add(t);
                }
            }
        }

        /** The transitions, in the organisation's report only, as the volunteers. */
        private void transitions(List<Block> blocks) {
            if (r.departmentId() == null) {
                Table t = TransitionTable.of(transitions.forPeriod(r.from(), r.to()), cells, this::m);
                if (t != null) {
                    blocks.add(t);
                }
            }
        }

        // ---- 8. Results ----

        private void results(List<Block> blocks) {
            long users = roleCount(roleCounts(), r.departmentId(), PersonRole.PARTICIPANT);
            List<Aggregate> figures = new ArrayList<>(outcomes.forPeriod(r.departmentId(), r.from(), r.to()));
            figures.add(outcomes.recoveryCapital(r.departmentId(), r.from(), r.to()));
            boolean anyAnswers = figures.stream().anyMatch(a -> a.denominator() > 0);
            if (users == 0 && !anyAnswers) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            // the same figure as the participants of the role table
            Cell usersCell = cells.persons(roleKey(scopeKey, PersonRole.PARTICIPANT), users);
            if (links) {
                usersCell = usersCell.withLink("/persons?role=PARTICIPANT"
                        + (r.departmentId() == null ? "" : "&department=" + r.departmentId()));
            }
            blocks.add(new Table(m("report.annual.users.caption"), List.of(m("report.annual.users.what"),
                    m("report.annual.users.count")), List.of(List.of(Cell.text(m("report.annual.users.label")), usersCell)),
                    true, m("report.annual.users.rule")));

            List<List<Cell>> rows = new ArrayList<>();
            List<String> definitions = new ArrayList<>();
            Aggregate abstinence = null;
            for (Aggregate a : figures) {
                if (a.key().equals(OutcomeAggregates.ABSTINENCE)) {
                    abstinence = a;
                }
                String title = m("outcome.aggregate." + a.key() + ".title");
                definitions.add(title + ": " + messages.getMessage(a.definitionKey(), a.args(), locale));
                String key = outcomeKey(scopeKey, a.key());
                Cell yes = cells.persons(key + "yes", a.numerator());
                Cell n = cells.persons(key + "n", a.denominator());
                // the answers «no» are n − yes: not shown, but a reader can subtract
                publication.unpublishedRest(key + "n", key + "yes", key + "no");
                if (r.departmentId() != null) {
                    String org = outcomeKey("org", a.key());
                    for (String part : List.of("yes", "n", "no")) {
                        publication.atMost(key + part, org + part);
                    }
                }
                if (!a.shown()) {
                    rows.add(List.of(Cell.text(title), yes, n, Cell.text(m("report.annual.tooFew")), Cell.text("")));
                } else {
                    rows.add(List.of(Cell.text(title), yes, n,
                            cells.derived(key + "share", Unit.PERCENT, Cell.number(a.share() * 100, percent(a.share())),
                                    key + "yes", key + "n"),
                            cells.derived(key + "interval", Unit.PERCENT_RANGE,
                                    Cell.text(percent(a.low()) + "–" + percent(a.high())),
                                    key + "yes", key + "n")));
                }
            }
            blocks.add(new Table(m("report.annual.outcomes.caption"),
                    List.of(m("report.annual.outcome"), m("report.annual.outcome.yes"), m("report.annual.outcome.n"),
                            m("report.annual.outcome.share"), m("report.annual.outcome.interval")),
                    rows, true, m("report.annual.outcomes.rule")));
            for (String d : definitions) {
                blocks.add(Paragraph.of(d));
            }

            // the socio-economic estimate: persons who kept abstinence × kroner, so it goes where that count goes
            blocks.add(new Subheading(m("report.annual.saving.heading")));
            ReportNarratives.SavingAssumption assumption = narratives.savingAssumption();
            blocks.add(Paragraph.of(m("report.annual.saving.assumption", nok(assumption.lowNok()),
                    nok(assumption.highNok()), assumption.source())));
            if (abstinence == null || abstinence.denominator() == 0) {
                blocks.add(Paragraph.of(m("report.annual.saving.noAnswers")));
                return;
            }
            long kept = abstinence.numerator();
            String keptKey = outcomeKey(scopeKey, abstinence.key()) + "yes";
            String estimateKey = outcomeKey(scopeKey, abstinence.key()) + "saving";
            publication.derived(estimateKey, keptKey);
            if (cells.hidden(keptKey) || cells.hidden(estimateKey)) {
                blocks.add(Paragraph.of(m("report.annual.saving.tooFew")));
                return;
            }
            List<List<Cell>> saving = List.of(
                    List.of(Cell.text(m("report.annual.saving.kept")), cells.persons(keptKey, kept)),
                    List.of(Cell.text(m("report.annual.saving.low")), Cell.number(kept * assumption.lowNok(),
                            nok(kept * assumption.lowNok())).as(estimateKey + "/low", Unit.NOK)),
                    List.of(Cell.text(m("report.annual.saving.high")), Cell.number(kept * assumption.highNok(),
                            nok(kept * assumption.highNok())).as(estimateKey + "/high", Unit.NOK)));
            blocks.add(new Table(m("report.annual.saving.caption"), List.of(m("report.annual.saving.what"),
                    m("report.annual.saving.value")), saving, true,
                    m("report.annual.saving.rule", nok(assumption.lowNok()), nok(assumption.highNok()), assumption.source())));
        }

        private String outcomeKey(String scope, String aggregate) {
            return "outcome/" + scope + "/" + aggregate + "/";
        }

        // ---- helpers ----

        /** A table with a hidden figure says what «:» means under it. */
        private Block noted(Block b) {
            if (b instanceof Table t && anyHidden(t)) {
                return withNote(t);
            }
            if (b instanceof Chart c && anyHidden(c.data())) {
                return new Chart(c.svg(), withNote(c.data()));
            }
            return b;
        }

        private boolean anyHidden(Table t) {
            return t.rows().stream().flatMap(List::stream).anyMatch(Cell::suppressed);
        }

        private Table withNote(Table t) {
            String suppression = m("report.annual.suppressed.note", Suppression.THRESHOLD);
            return new Table(t.caption(), t.headers(), t.rows(), t.rowHeaders(),
                    t.note() == null ? suppression : t.note() + " " + suppression);
        }

        private String m(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        private String date(LocalDate d) {
            return d == null ? "" : dates.format(d);
        }

        private String nok(long amount) {
            return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nb-NO")).format(amount).replace('\u00a0', ' ')
                    + " kr";
        }

        private String percent(Double share) {
            return share == null ? "" : Math.round(share * 100) + " %";
        }
    }


    /** Øre to whole kroner, rounded half up. */
    static long kroner(long ore) {
        return Math.floorDiv(ore + 50, 100);
    }
}
