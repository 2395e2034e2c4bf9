package no.tilfrisk.report;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.activity.Activities;
import no.tilfrisk.activity.ActivityFormat;
import no.tilfrisk.activity.ActivityOverview;
import no.tilfrisk.activity.Distributions;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRecord;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.collaboration.CollaborationSummary;
import no.tilfrisk.followup.ContactFigures;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.organisation.Department;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.organisation.Organisations;
import no.tilfrisk.outcome.Aggregate;
import no.tilfrisk.outcome.OutcomeAggregates;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.person.PersonRole;
import no.tilfrisk.platform.chart.BarChart;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.report.ReportDocument.Block;
import no.tilfrisk.report.ReportDocument.Cell;
import no.tilfrisk.report.ReportDocument.Chart;
import no.tilfrisk.report.ReportDocument.Paragraph;
import no.tilfrisk.report.ReportDocument.Section;
import no.tilfrisk.report.ReportDocument.Subheading;
import no.tilfrisk.report.ReportDocument.Table;
import no.tilfrisk.report.SmallNumberSuppression.CountTable;
import no.tilfrisk.report.SmallNumberSuppression.Entry;
import no.tilfrisk.report.SmallNumberSuppression.SuppressedTable;
import no.tilfrisk.report.internal.ReportAccess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual report (PRODUCT.md «The annual report», after seed 000) for a period and the organisation or one
 * department, computed from what was registered, as a {@link ReportDocument} for the page and every export. Each
 * computed figure states its rule; for a reader who may see persons (and has not asked for the external version)
 * figures link to the records behind them. The external version (always for a report reader) passes every count of
 * persons through {@link SmallNumberSuppression} and says so.
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

    /** The «aktører» of seed 000: everyone who is neither participant nor relative. */
    static final List<PersonRole> ROLES = List.of(PersonRole.values());

    private final Activities activities;
    private final Distributions distributions;
    private final PersonLookup persons;
    private final ContactFigures contacts;
    private final OutcomeAggregates outcomes;
    private final CollaborationRegister collaboration;
    private final Departments departments;
    private final Organisations organisations;
    private final ReportNarratives narratives;
    private final MessageSource messages;

    AnnualReport(Activities activities, Distributions distributions, PersonLookup persons, ContactFigures contacts,
                 OutcomeAggregates outcomes, CollaborationRegister collaboration, Departments departments,
                 Organisations organisations, ReportNarratives narratives, MessageSource messages) {
        this.activities = activities;
        this.distributions = distributions;
        this.persons = persons;
        this.contacts = contacts;
        this.outcomes = outcomes;
        this.collaboration = collaboration;
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
        InvalidInputException.throwIfAny(broken);
        boolean external = request.external() || !ReportAccess.maySeePersons();
        return new Request(request.from(), request.to(), request.departmentId(), external);
    }

    /** The report, in the reader's language. */
    @Transactional(readOnly = true)
    public ReportDocument build(Request asked, Locale locale) {
        Request r = check(asked);
        Writer w = new Writer(r, locale);
        return w.document();
    }

    /** One report being written: the request, the language, the helpers for texts, counts and links. */
    private final class Writer {

        private final Request r;
        private final Locale locale;
        private final boolean links;
        private final Map<NarrativeSection, ReportNarratives.Narrative> texts;
        private final List<Department> scope;
        private final DateTimeFormatter dates;

        Writer(Request r, Locale locale) {
            this.r = r;
            this.locale = locale;
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
            List<Section> sections = new ArrayList<>();
            for (NarrativeSection s : NarrativeSection.values()) {
                List<Block> blocks = new ArrayList<>();
                switch (s) {
                    case ACTIVITY -> activity(blocks);
                    case EVENTS -> events(blocks);
                    case PROFESSIONAL -> professional(blocks);
                    case PARTICIPATION -> participation(blocks);
                    case FOLLOWUP -> followup(blocks);
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
                sections.add(new Section(s.key(), s.number() + ". " + m("report.annual.section." + s.key()), blocks));
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

            // persons per department and role
            long[][] cells = new long[scope.size()][ROLES.size()];
            for (PersonLookup.RoleCount c : counts) {
                if (c.departmentId() == null || c.role() == null) {
                    continue;
                }
                for (int i = 0; i < scope.size(); i++) {
                    if (scope.get(i).id().equals(c.departmentId())) {
                        cells[i][ROLES.indexOf(c.role())] = c.persons();
                    }
                }
            }
            SuppressedTable table = counts(cells);
            Table roles = Table.of(m("report.annual.roles.caption"), m("report.annual.department"),
                    scope.stream().map(Department::name).toList(),
                    ROLES.stream().map(role -> m("report.annual.role." + role.name())).toList(),
                    m("report.annual.roles.total"), table,
                    note(m("report.annual.roles.rule"), table.anyHidden()));
            blocks.add(linkRoles(roles));
            List<BarChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < scope.size(); i++) {
                bars.add(bar(scope.get(i).name(), table.cell(i, 0)));
            }
            blocks.add(new Chart(BarChart.render("chart-participants", m("report.annual.participants.chart"),
                    m("report.annual.participants.chart.description"), bars),
                    column(m("report.annual.participants.chart"), m("report.annual.department"),
                            m("report.annual.role.PARTICIPANT"), scope.stream().map(Department::name).toList(), table, 0)));

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

        /** The role table with links: a department to its persons, a cell to its persons with the role. */
        private Table linkRoles(Table t) {
            if (!links) {
                return t;
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                List<Cell> row = new ArrayList<>(t.rows().get(i));
                if (i < scope.size()) {
                    String base = "/persons?department=" + scope.get(i).id();
                    row.set(0, row.get(0).withLink(base));
                    for (int c = 0; c < ROLES.size(); c++) {
                        row.set(c + 1, row.get(c + 1).withLink(base + "&role=" + ROLES.get(c).name()));
                    }
                }
                rows.add(row);
            }
            return new Table(t.caption(), t.headers(), rows, t.rowHeaders(), t.note());
        }

        private Table activityTable(String caption, List<ActivityOverview> list, boolean period) {
            List<String> headers = new ArrayList<>(List.of(m("report.annual.activity"), m("report.annual.department"),
                    period ? m("report.annual.activity.period") : m("report.annual.startDate"),
                    m("report.annual.activity.sessions"), m("report.annual.activity.participants"),
                    m("report.annual.activity.children"), m("report.annual.activity.attendances"),
                    m("report.annual.activity.partners")));
            List<List<Cell>> rows = new ArrayList<>();
            boolean hidden = false;
            for (ActivityOverview a : list) {
                Cell name = Cell.text(a.activity().name());
                Cell participants = person(a.counts().participants());
                Cell children = person(a.counts().children());
                Cell attendances = person(a.counts().attendances());
                hidden |= participants.suppressed() || children.suppressed() || attendances.suppressed();
                rows.add(List.of(links ? name.withLink("/activities/" + a.activity().id()) : name,
                        Cell.text(a.departmentName()),
                        Cell.text(period ? date(a.activity().startDate()) + "–" + date(a.activity().endDate())
                                : date(a.activity().startDate())),
                        Cell.number(a.counts().sessions()), participants, children, attendances,
                        Cell.text(String.join(", ", a.activity().partners()))));
            }
            return new Table(caption, headers, rows, true, note(m("report.annual.activity.rule"), hidden));
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
                    Cell count = Cell.number(t.count());
                    rows.add(List.of(Cell.text(m("report.annual.distribution." + t.kind().name())),
                            links ? count.withLink("/distributions") : count,
                            t.valueOre() == 0 ? Cell.text("") : Cell.number(t.valueOre() / 100, nok(t.valueOre() / 100))));
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
                roleCounts = persons.roleCounts(r.from(), r.to());
            }
            return roleCounts;
        }

        private List<ActivityOverview> activities() {
            if (activityList == null) {
                activityList = activities.list(r.departmentId(), r.from(), r.to());
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
            boolean hidden = false;
            for (CollaborationKind k : kinds) {
                CollaborationSummary.KindSummary ks = s.of(k);
                Cell count = Cell.number(ks.count());
                List<Cell> row = new ArrayList<>(List.of(Cell.text(m("report.annual.kind." + k.name())),
                        links ? count.withLink("/collaboration?year=" + r.year() + "&kind=" + k.name()) : count));
                if (participantsUsed) {
                    if (!k.uses(CollaborationKind.Field.PARTICIPANTS)) {
                        row.add(Cell.text(""));
                    } else if (ks.participants() == null) {
                        row.add(Cell.text(ks.count() == 0 ? "" : m("report.annual.notRegistered")));
                    } else {
                        Cell p = person(ks.participants());
                        hidden |= p.suppressed();
                        row.add(p);
                    }
                }
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of(m("report.annual.kind"), m("report.annual.kind.count")));
            if (participantsUsed) {
                headers.add(m("report.annual.kind.participants"));
            }
            blocks.add(new Table(m("report.annual.kinds.caption"), headers, rows, true,
                    note(participantsUsed ? m("report.annual.kinds.rule.participants") : m("report.annual.kinds.rule"),
                            hidden)));
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
                boolean recordHidden = false;
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
                        Cell p = c.participants() == null ? Cell.text(m("report.annual.notRegistered")) : person(c.participants());
                        recordHidden |= p.suppressed();
                        row.add(p);
                    }
                    recordRows.add(row);
                }
                blocks.add(new Table(m("report.annual.kind." + k.name()), h, recordRows, false, note(null, recordHidden)));
            }
        }

        // ---- 7. Individual follow-up ----

        private void followup(List<Block> blocks) {
            Map<ContactType, ContactFigures.TypeFigures> figures = contacts.byType(r.departmentId(), r.from(), r.to());
            if (figures.values().stream().allMatch(f -> f.total() == 0)) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            List<List<Cell>> rows = new ArrayList<>();
            long logged = 0;
            long tallied = 0;
            boolean hidden = false;
            List<BarChart.Bar> bars = new ArrayList<>();
            for (ContactFigures.TypeFigures f : figures.values()) {
                if (f.total() == 0) {
                    continue;
                }
                String label = m("report.annual.contact." + f.type().name());
                Cell loggedCell = Cell.number(f.logged());
                Cell personsCell = person(f.persons());
                hidden |= personsCell.suppressed();
                Cell talliedCell = Cell.number(f.tallied());
                if (links) {
                    loggedCell = loggedCell.withLink("/contacts?type=" + f.type().name() + "&from=" + r.from() + "&to=" + r.to());
                    if (r.departmentId() != null) {
                        talliedCell = talliedCell.withLink("/tallies?department=" + r.departmentId());
                    }
                }
                rows.add(List.of(Cell.text(label), loggedCell, personsCell, talliedCell, Cell.number(f.total())));
                logged += f.logged();
                tallied += f.tallied();
                bars.add(new BarChart.Bar(label, (double) f.total(), Long.toString(f.total())));
            }
            rows.add(List.of(Cell.text(m("report.annual.total")), Cell.number(logged), Cell.text(""),
                    Cell.number(tallied), Cell.number(logged + tallied)));
            Table table = new Table(m("report.annual.contacts.caption"),
                    List.of(m("report.annual.contact.type"), m("report.annual.contact.logged"),
                            m("report.annual.contact.persons"), m("report.annual.contact.tallied"),
                            m("report.annual.contact.total")), rows, true, note(m("report.annual.contacts.rule"), hidden));
            blocks.add(Paragraph.of(m("report.annual.contacts.summary", logged, tallied)));
            blocks.add(new Chart(BarChart.render("chart-contacts", m("report.annual.contacts.chart"),
                    m("report.annual.contacts.chart.description", logged, tallied), bars), table));
        }

        // ---- 8. Results ----

        private void results(List<Block> blocks) {
            long users = roleCounts().stream()
                    .filter(c -> c.role() == PersonRole.PARTICIPANT && java.util.Objects.equals(c.departmentId(), r.departmentId()))
                    .mapToLong(PersonLookup.RoleCount::persons).sum();
            List<Aggregate> figures = outcomes.forPeriod(r.departmentId(), r.from(), r.to());
            boolean anyAnswers = figures.stream().anyMatch(a -> a.denominator() > 0);
            if (users == 0 && !anyAnswers) {
                blocks.add(Paragraph.of(m("report.annual.noData")));
                return;
            }
            Cell usersCell = person(users);
            if (links) {
                usersCell = usersCell.withLink("/persons?role=PARTICIPANT"
                        + (r.departmentId() == null ? "" : "&department=" + r.departmentId()));
            }
            blocks.add(new Table(m("report.annual.users.caption"), List.of(m("report.annual.users.what"),
                    m("report.annual.users.count")), List.of(List.of(Cell.text(m("report.annual.users.label")), usersCell)),
                    true, note(m("report.annual.users.rule"), usersCell.suppressed())));

            List<List<Cell>> rows = new ArrayList<>();
            List<String> definitions = new ArrayList<>();
            boolean hidden = false;
            Aggregate abstinence = null;
            for (Aggregate a : figures) {
                if (a.key().equals(OutcomeAggregates.ABSTINENCE)) {
                    abstinence = a;
                }
                String title = m("outcome.aggregate." + a.key() + ".title");
                definitions.add(title + ": " + messages.getMessage(a.definitionKey(), a.args(), locale));
                boolean small = r.external() && (isSmall(a.numerator()) || isSmall(a.denominator() - a.numerator()));
                if (!a.shown()) {
                    rows.add(List.of(Cell.text(title), a.denominator() == 0 ? Cell.number(0) : person(a.numerator()),
                            person(a.denominator()), Cell.text(m("report.annual.tooFew")), Cell.text("")));
                    hidden |= r.external() && (isSmall(a.numerator()) || isSmall(a.denominator()));
                } else if (small) {
                    rows.add(List.of(Cell.text(title), new Cell("<5", null, true, null), Cell.number(a.denominator()),
                            new Cell("x", null, true, null), new Cell("x", null, true, null)));
                    hidden = true;
                } else {
                    rows.add(List.of(Cell.text(title), Cell.number(a.numerator()), Cell.number(a.denominator()),
                            Cell.number(a.share() * 100, percent(a.share())),
                            Cell.text(percent(a.low()) + "–" + percent(a.high()))));
                }
            }
            blocks.add(new Table(m("report.annual.outcomes.caption"),
                    List.of(m("report.annual.outcome"), m("report.annual.outcome.yes"), m("report.annual.outcome.n"),
                            m("report.annual.outcome.share"), m("report.annual.outcome.interval")),
                    rows, true, note(m("report.annual.outcomes.rule"), hidden)));
            for (String d : definitions) {
                blocks.add(Paragraph.of(d));
            }

            // the socio-economic estimate
            blocks.add(new Subheading(m("report.annual.saving.heading")));
            ReportNarratives.SavingAssumption assumption = narratives.savingAssumption();
            blocks.add(Paragraph.of(m("report.annual.saving.assumption", nok(assumption.lowNok()),
                    nok(assumption.highNok()), assumption.source())));
            if (abstinence == null || abstinence.denominator() == 0) {
                blocks.add(Paragraph.of(m("report.annual.saving.noAnswers")));
                return;
            }
            long kept = abstinence.numerator();
            if (r.external() && isSmall(kept)) {
                blocks.add(Paragraph.of(m("report.annual.saving.tooFew")));
                return;
            }
            List<List<Cell>> saving = List.of(
                    List.of(Cell.text(m("report.annual.saving.kept")), Cell.number(kept)),
                    List.of(Cell.text(m("report.annual.saving.low")), Cell.number(kept * assumption.lowNok(), nok(kept * assumption.lowNok()))),
                    List.of(Cell.text(m("report.annual.saving.high")), Cell.number(kept * assumption.highNok(), nok(kept * assumption.highNok()))));
            blocks.add(new Table(m("report.annual.saving.caption"), List.of(m("report.annual.saving.what"),
                    m("report.annual.saving.value")), saving, true,
                    m("report.annual.saving.rule", nok(assumption.lowNok()), nok(assumption.highNok()), assumption.source())));
        }

        // ---- helpers ----

        /** A count of persons: «&lt;5» from 1 to 4 in the external version. */
        private Cell person(long n) {
            if (r.external() && isSmall(n)) {
                return new Cell("<5", null, true, null);
            }
            return Cell.number(n);
        }

        /** A table of person counts with its totals: suppressed in the external version, exact otherwise. */
        private SuppressedTable counts(long[][] cells) {
            if (cells.length == 0) {
                cells = new long[][] {new long[ROLES.size()]};
            }
            SuppressedTable suppressed = SmallNumberSuppression.apply(new CountTable(cells));
            if (r.external()) {
                return suppressed;
            }
            Entry[][] grid = new Entry[suppressed.rows() + 1][suppressed.columns() + 1];
            for (int i = 0; i <= suppressed.rows(); i++) {
                for (int j = 0; j <= suppressed.columns(); j++) {
                    grid[i][j] = new Entry(suppressed.entry(i, j).value(), null);
                }
            }
            return new SuppressedTable(suppressed.rows(), suppressed.columns(), grid, java.util.Set.of());
        }

        /** One column of a suppressed table as a table of its own (a chart's data), hidden entries kept hidden. */
        private Table column(String caption, String corner, String header, List<String> labels, SuppressedTable t, int c) {
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                rows.add(List.of(Cell.text(labels.get(i)), Cell.of(t.cell(i, c))));
            }
            return new Table(caption, List.of(corner, header), rows, true, null);
        }

        private BarChart.Bar bar(String label, Entry e) {
            return e.hidden() ? new BarChart.Bar(label, null, e.display()) : BarChart.Bar.of(label, e.value());
        }

        private String note(String rule, boolean hidden) {
            if (!hidden) {
                return rule;
            }
            String suppression = m("report.annual.suppressed.note");
            return rule == null ? suppression : rule + " " + suppression;
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

    static boolean isSmall(long n) {
        return n > 0 && n < SmallNumberSuppression.THRESHOLD;
    }
}
