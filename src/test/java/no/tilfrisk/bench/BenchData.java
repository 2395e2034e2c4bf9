package no.tilfrisk.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;

/**
 * The benchmark data generator, in plain SQL as the owning role ({@code INSERT … SELECT generate_series}): fast, and
 * what a generator for any size would do. Two sets, each in its own data directory, kept between runs:
 * <ul>
 * <li>{@link #SMALL} (S, {@code target/bench-data-small}): one organisation shaped like seed 000: three departments,
 * 1,100 persons with roles, 60 weekly groups through 2025 (31,200 attendances), 5,000 contacts, 2,000 outcome
 * responses, 120 collaboration records in 2025.</li>
 * <li>{@link #LARGE} (L, {@code target/bench-data-large}): 300 organisations of three departments, 120,000 persons
 * (400 per organisation), seven weekly groups per department through 2025 (327,600 sessions) and 16 named
 * attendances per session (5.2 million), 1,000,200 contacts, 300,000 outcome responses, 12,000 collaboration
 * records.</li>
 * </ul>
 * Both have plans (two goals with one action each for a third of the participants), contact tallies, and two staff
 * members per department. Organisation {@link #ORGANISATION}, its department {@link #DEPARTMENT}, the staff member
 * {@link #STAFF} ({@value #STAFF_EMAIL}, password {@value #STAFF_PASSWORD}) and the participant {@link #PERSON} are
 * the ones measured: the staff member has every open follow-up of their contacts still open (about 90 in L), and
 * the participant has about 500 timeline entries (340 extra contacts and 100 extra plan changes).
 */
final class BenchData {

    static final UUID ORGANISATION = UUID.fromString("00000000-0000-4000-8000-0000000be001");
    static final UUID DEPARTMENT = UUID.fromString("00000000-0000-4000-8000-0000000be0d1");
    static final UUID STAFF = UUID.fromString("00000000-0000-4000-8000-0000000be5f1");
    static final UUID PERSON = UUID.fromString("00000000-0000-4000-8000-0000000be9e1");
    static final String STAFF_EMAIL = "bench-staff@bench.tilfrisk.no";
    static final String STAFF_PASSWORD = "bench-password";

    /** The sizes of a set; per organisation unless said otherwise. */
    record Shape(String name, int organisations, int persons, int activitiesPerDepartment, int attendeesPerSession,
                 int contacts, int timelineContacts, int responses, int collaborationRecords, int staffPerDepartment) {

        /** The persons of one department whom attendance is spread over. */
        int perDepartment() {
            return persons / 3;
        }
    }

    static final Shape SMALL = new Shape("small", 1, 1_100, 20, 10, 5_000, 340, 2_000, 120, 2);
    static final Shape LARGE = new Shape("large", 300, 400, 7, 16, 3_334, 340, 1_000, 40, 2);

    private BenchData() {
    }

    /** The set named by {@code -Dtilfrisk.bench.set=small|large} (large when unset). */
    static Shape chosen() {
        return "small".equalsIgnoreCase(System.getProperty("tilfrisk.bench.set", "large")) ? SMALL : LARGE;
    }

    /** The L set; see {@link #generate}. */
    static double large(HikariDataSource dataSource, String passwordHash) throws SQLException {
        return generate(dataSource, LARGE, passwordHash);
    }

    /**
     * Writes the set; returns the seconds it took. A database that has it already (the data directory is kept
     * between runs; delete it for a fresh set) is left as it is. {@code passwordHash} is the staff members' password
     * ({@value #STAFF_PASSWORD}) as the app's encoder makes it.
     */
    static double generate(HikariDataSource dataSource, Shape shape, String passwordHash) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); Statement s = c.createStatement()) {
            // the collaboration records are written last
            if (count(s, "SELECT count(*) FROM collaboration_record WHERE organisation_id = '%s'".formatted(ORGANISATION)) > 0) {
                return 0;
            }
            if (count(s, "SELECT count(*) FROM organisation WHERE id = '%s'".formatted(ORGANISATION)) > 0) {
                throw new IllegalStateException("The data directory holds a set that is incomplete or made by an older "
                        + "generator (without contacts and responses): delete it (--fresh) to make the set anew");
            }
            s.execute("SET work_mem = '256MB'");
            s.execute("SET maintenance_work_mem = '512MB'");
            organisationsAndPersons(s, shape);
            activities(s, shape);
            staff(s, shape, passwordHash);
            contacts(s, shape);
            plans(s, shape);
            outcomes(s, shape);
            collaboration(s, shape);
            // as autovacuum leaves a table of last year's records: statistics, and the visibility map for index-only scans
            s.execute("VACUUM ANALYZE");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void organisationsAndPersons(Statement s, Shape shape) throws SQLException {
        s.execute("""
                CREATE TEMP TABLE bench_org AS
                SELECT CASE WHEN g = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, g AS n
                  FROM generate_series(1, %d) g""".formatted(ORGANISATION, shape.organisations()));
        s.execute("INSERT INTO organisation (id, name, require_second_factor) SELECT id, 'Bench ' || n, false FROM bench_org");
        s.execute("""
                CREATE TEMP TABLE bench_dept AS
                SELECT CASE WHEN o.n = 1 AND d = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, o.id AS org, o.n, d
                  FROM bench_org o, generate_series(1, 3) d""".formatted(DEPARTMENT));
        s.execute("INSERT INTO department (id, organisation_id, name, municipality) SELECT id, org, 'Avdeling ' || d, 'Skien' FROM bench_dept");
        // person g is in department 1 + (g - 1) % 3 with index (g - 1) / 3 there; roles as in seed 000: mostly
        // participants, then relatives, volunteers, professionals and guests
        s.execute("""
                CREATE TEMP TABLE bench_person AS
                SELECT CASE WHEN o.n = 1 AND g = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, o.id AS org, g,
                       1 + (g - 1) %% 3 AS d, (g - 1) / 3 AS idx,
                       CASE WHEN g %% 20 < 14 THEN 'PARTICIPANT' WHEN g %% 20 < 17 THEN 'RELATIVE' WHEN g %% 20 = 17 THEN 'VOLUNTEER'
                            WHEN g %% 20 = 18 THEN 'PROFESSIONAL' ELSE 'GUEST' END AS role,
                       (ARRAY['Anne','Ingrid','Kari','Marit','Hanne','Silje','Nina','Ida','Nora','Emma','Ole','Lars',
                              'Per','Jan','Bjørn','Knut','Arne','Thomas','Martin','Kristian','Jonas','Magnus','Erik','Hans'])
                           [1 + (random() * 23)::int] AS first,
                       (ARRAY['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen',
                              'Jensen','Karlsen','Johnsen','Pettersen','Eriksen','Berg','Haugen','Hagen','Dahl','Lie'])
                           [1 + (random() * 17)::int] AS last
                  FROM bench_org o, generate_series(1, %d) g""".formatted(PERSON, shape.persons()));
        s.execute("CREATE INDEX ON bench_person (org, g)");
        s.execute("""
                INSERT INTO person (id, organisation_id, display_name, full_name, birth_year)
                SELECT id, org, first, first || ' ' || last, 1950 + (random() * 55)::int FROM bench_person""");
        s.execute("""
                CREATE TEMP TABLE bench_dept_person AS
                SELECT d.id AS dept, p.idx, p.id AS person, p.org
                  FROM bench_person p JOIN bench_dept d ON d.org = p.org AND d.d = p.d""");
        s.execute("CREATE INDEX ON bench_dept_person (dept, idx)");
        s.execute("""
                INSERT INTO person_department (id, organisation_id, person_id, department_id, from_date)
                SELECT gen_random_uuid(), org, person, dept, date '2024-01-01' FROM bench_dept_person""");
        s.execute("""
                INSERT INTO person_role (id, organisation_id, person_id, role, from_date)
                SELECT gen_random_uuid(), org, id, role, date '2024-01-01' FROM bench_person""");
        s.execute("ANALYZE bench_person");
    }

    private static void activities(Statement s, Shape shape) throws SQLException {
        s.execute("""
                INSERT INTO activity_kind (id, organisation_id, code, position)
                SELECT gen_random_uuid(), id, 'thematic_group', 1 FROM bench_org""");
        s.execute("""
                CREATE TEMP TABLE bench_activity AS
                SELECT gen_random_uuid() AS id, d.id AS dept, d.org, a FROM bench_dept d, generate_series(1, %d) a"""
                .formatted(shape.activitiesPerDepartment()));
        s.execute("""
                INSERT INTO activity (id, organisation_id, department_id, name, format, kind_id, start_date, low_threshold)
                SELECT a.id, a.org, a.dept, 'Gruppe ' || a.a, 'GROUP', k.id, date '2025-01-01', a.a % 2 = 0
                  FROM bench_activity a JOIN activity_kind k ON k.organisation_id = a.org""");
        s.execute("""
                CREATE TEMP TABLE bench_session AS
                SELECT gen_random_uuid() AS id, a.id AS activity, a.dept, a.org, a.a, w,
                       (row_number() OVER ())::int AS seq
                  FROM bench_activity a, generate_series(0, 51) w""");
        s.execute("""
                INSERT INTO activity_session (id, organisation_id, activity_id, date, start_time, end_time, place,
                                              adults, children, guests)
                SELECT id, org, activity, date '2025-01-06' + w * 7, '18:00', '20:00', 'Huset',
                       CASE WHEN a % 2 = 0 THEN seq % 9 ELSE 0 END, seq % 3, seq % 5 / 4
                  FROM bench_session""");
        // millions of rows load as a bulk load does: without the keys and index, which are built once after
        s.execute("""
                ALTER TABLE attendance DROP CONSTRAINT attendance_pkey, DROP CONSTRAINT attendance_session_id_fkey,
                    DROP CONSTRAINT attendance_person_id_fkey, DROP CONSTRAINT attendance_organisation_id_fkey""");
        s.execute("DROP INDEX attendance_person_idx");
        // a window of the department's persons per session, a different window each time
        s.execute("""
                INSERT INTO attendance (session_id, person_id, organisation_id, recorded_at)
                SELECT s.id, dp.person, s.org, now()
                  FROM bench_session s CROSS JOIN generate_series(0, %d) j
                  JOIN bench_dept_person dp ON dp.dept = s.dept AND dp.idx = (s.seq * 7 + j) %% %d"""
                .formatted(shape.attendeesPerSession() - 1, shape.perDepartment()));
        s.execute("""
                ALTER TABLE attendance ADD CONSTRAINT attendance_pkey PRIMARY KEY (session_id, person_id) INCLUDE (organisation_id),
                    ADD CONSTRAINT attendance_session_id_fkey FOREIGN KEY (session_id) REFERENCES activity_session (id),
                    ADD CONSTRAINT attendance_person_id_fkey FOREIGN KEY (person_id) REFERENCES person (id),
                    ADD CONSTRAINT attendance_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)""");
        s.execute("CREATE INDEX attendance_person_idx ON attendance (person_id)");
    }

    /** Staff members: {@code staffPerDepartment} per department, STAFF of that department; {@link #STAFF} is the first of {@link #DEPARTMENT}. */
    private static void staff(Statement s, Shape shape, String passwordHash) throws SQLException {
        s.execute("""
                CREATE TEMP TABLE bench_staff AS
                SELECT CASE WHEN d.n = 1 AND d.d = 1 AND k = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id,
                       CASE WHEN d.n = 1 AND d.d = 1 AND k = 1 THEN '%s'
                            ELSE 'staff-' || d.n || '-' || d.d || '-' || k || '@bench.tilfrisk.no' END AS email,
                       d.id AS dept, d.org, d.d, k AS sk
                  FROM bench_dept d, generate_series(1, %d) k""".formatted(STAFF, STAFF_EMAIL, shape.staffPerDepartment()));
        s.execute("CREATE INDEX ON bench_staff (org, d, sk)");
        s.execute("""
                INSERT INTO app_user (id, organisation_id, email, display_name, password_hash)
                SELECT id, org, email, 'Ansatt ' || d || '-' || sk, '%s' FROM bench_staff""".formatted(passwordHash));
        s.execute("INSERT INTO user_role (user_id, organisation_id, role) SELECT id, org, 'STAFF' FROM bench_staff");
        s.execute("INSERT INTO user_department (user_id, department_id, organisation_id) SELECT id, dept, org FROM bench_staff");
    }

    /**
     * Contacts over the last 365 days, each with one staff member of the person's department; every sixth has a
     * follow-up two weeks after, done when it fell due more than 30 days ago, except {@link #STAFF}'s, which are all
     * still open. {@link #PERSON} has one extra contact a day with {@link #STAFF} for {@code timelineContacts} days.
     * Notes are left empty (they would be encrypted). Tallies: phone, message and e-mail per department and month of 2025.
     */
    private static void contacts(Statement s, Shape shape) throws SQLException {
        s.execute("""
                CREATE TEMP TABLE bench_contact AS
                SELECT gen_random_uuid() AS id, p.org, p.id AS person, st.id AS staff, k,
                       now() - make_interval(days => (k * 37) %% 365, mins => (k * 11) %% 600) AS occurred_at
                  FROM bench_org o CROSS JOIN generate_series(0, %d) k
                  JOIN bench_person p ON p.org = o.id AND p.g = 1 + (k * 7919) %% %d
                  JOIN bench_staff st ON st.org = o.id AND st.d = p.d AND st.sk = 1 + k %% %d
                UNION ALL
                SELECT gen_random_uuid(), '%s'::uuid, '%s'::uuid, '%s'::uuid, -k, now() - make_interval(days => k, mins => 30)
                  FROM generate_series(1, %d) k"""
                .formatted(shape.contacts() - 1, shape.persons(), shape.staffPerDepartment(),
                        ORGANISATION, PERSON, STAFF, shape.timelineContacts()));
        withoutForeignKeysAndIndexes(s, List.of("contact", "contact_staff"), () -> {
            s.execute("""
                    INSERT INTO contact (id, organisation_id, person_id, occurred_at, type, escort_kind, duration_minutes,
                                         follow_up_on, follow_up_done_at, follow_up_done_by, created_at, created_by,
                                         updated_at, updated_by)
                    SELECT id, org, person, occurred_at, type, CASE WHEN type = 'ESCORT' THEN
                               (ARRAY['NAV','DOCTOR','HOUSING','OTHER'])[1 + abs(k) / 10 %% 4] END,
                           15 + abs(k) %% 8 * 15, follow_up_on,
                           CASE WHEN done THEN occurred_at + interval '14 days' END, CASE WHEN done THEN staff END,
                           occurred_at, staff, occurred_at, staff
                      FROM (SELECT c.*, (ARRAY['ONE_TO_ONE','ONE_TO_ONE','PHONE','MESSAGE','FAMILY','HOME_VISIT','ESCORT',
                                               'RESPONSIBILITY_GROUP','EMAIL','OTHER'])[1 + abs(k) %% 10] AS type,
                                   CASE WHEN k >= 0 AND k %% 6 = 0 THEN (occurred_at + interval '14 days')::date END AS follow_up_on,
                                   k >= 0 AND k %% 6 = 0 AND staff <> '%s' AND occurred_at + interval '14 days' < now() - interval '30 days' AS done
                              FROM bench_contact c) c""".formatted(STAFF));
            s.execute("INSERT INTO contact_staff (contact_id, user_id, organisation_id) SELECT id, staff, org FROM bench_contact");
        });
        s.execute("""
                INSERT INTO contact_tally (id, organisation_id, department_id, type, period_from, period_to, count)
                SELECT gen_random_uuid(), d.org, d.id, t, make_date(2025, m, 1),
                       (make_date(2025, m, 1) + interval '1 month - 1 day')::date, 1 + (m * 7 + d.d) % 30
                  FROM bench_dept d, generate_series(1, 12) m, unnest(ARRAY['PHONE','MESSAGE','EMAIL']) t""");
    }

    /**
     * A third of the participants have a plan of two goals, each with one action (the first the staff member's, the
     * second the participant's), evaluations due from 45 days ago to 105 days ahead, and the plan's changes.
     * {@link #PERSON} has 100 more changes (status changes of the first goal), a few a week.
     */
    private static void plans(Statement s, Shape shape) throws SQLException {
        s.execute("""
                CREATE TEMP TABLE bench_goal AS
                SELECT gen_random_uuid() AS id, gen_random_uuid() AS action, p.org, p.id AS person, p.g, gi, st.id AS staff
                  FROM bench_person p CROSS JOIN generate_series(1, 2) gi
                  JOIN bench_staff st ON st.org = p.org AND st.d = p.d AND st.sk = 1 + p.g %% %d
                 WHERE p.role = 'PARTICIPANT' AND p.idx %% 3 = 0""".formatted(shape.staffPerDepartment()));
        withoutForeignKeysAndIndexes(s, List.of("plan_goal", "plan_action", "plan_change"), () -> {
            s.execute("""
                    INSERT INTO plan_goal (id, organisation_id, person_id, life_area, text, status, next_evaluation_on,
                                           created_at, created_by, updated_at, updated_by)
                    SELECT id, org, person, (ARRAY['HOUSING','ECONOMY','WORK_EDUCATION','NETWORK','PHYSICAL_HEALTH','MENTAL_HEALTH',
                                                   'SUBSTANCE_USE','LEISURE','CHILDREN_FAMILY','LEGAL'])[1 + (g + gi) % 10],
                           'Mål ' || gi || ' for året', 'IN_PROGRESS', current_date + (g * 11 + gi * 17) % 150 - 45,
                           now() - interval '200 days' + gi * interval '1 minute', staff,
                           now() - interval '200 days' + gi * interval '1 minute', staff
                      FROM bench_goal""");
            s.execute("""
                    INSERT INTO plan_action (id, organisation_id, person_id, goal_id, text, responsible_kind,
                                             responsible_user_id, target_date, status, created_at, created_by, updated_at, updated_by)
                    SELECT action, org, person, id, 'Tiltak ' || gi, CASE WHEN gi = 1 THEN 'STAFF' ELSE 'PARTICIPANT' END,
                           CASE WHEN gi = 1 THEN staff END, current_date + (g * 7 + gi * 13) % 120 - 30, 'NOT_STARTED',
                           now() - interval '199 days', staff, now() - interval '199 days', staff
                      FROM bench_goal""");
            s.execute("""
                    INSERT INTO plan_change (id, organisation_id, person_id, at, actor_id, entity, entity_id, field_group, before, after)
                    SELECT gen_random_uuid(), org, person, now() - interval '200 days' + gi * interval '1 minute', staff,
                           'GOAL', id, 'created', NULL::jsonb, jsonb_build_object('text', 'Mål ' || gi || ' for året')
                      FROM bench_goal
                    UNION ALL
                    SELECT gen_random_uuid(), org, person, now() - interval '199 days' + gi * interval '1 minute', staff,
                           'ACTION', action, 'created', NULL::jsonb, jsonb_build_object('text', 'Tiltak ' || gi)
                      FROM bench_goal
                    UNION ALL
                    SELECT gen_random_uuid(), org, person, now() - make_interval(days => 2 * k), staff, 'GOAL', id, 'status',
                           jsonb_build_object('status', CASE WHEN k %% 2 = 0 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END),
                           jsonb_build_object('status', CASE WHEN k %% 2 = 0 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END)
                      FROM bench_goal CROSS JOIN generate_series(1, 100) k WHERE person = '%s' AND gi = 1""".formatted(PERSON));
        });
    }

    /**
     * Outcome responses in 2025: a fifth of the respondents answer each instrument, four times 100 days apart.
     * Answers are in each scale's range and the scores are computed as {@code Scorers} computes them (the benchmark
     * checks a sample against the code): sums, WHO-5 times four, Russtatus the most days of any substance with its
     * status and the participant's goal (three of four aim at abstinence).
     */
    private static void outcomes(Statement s, Shape shape) throws SQLException {
        int respondents = shape.responses() / 4;
        s.execute("""
                INSERT INTO instrument_enabled (organisation_id, instrument_id)
                SELECT id, i FROM bench_org, unnest(ARRAY['who-5','barc-10','russtatus','livskvalitet','meningsfullt-liv']) i""");
        s.execute("""
                CREATE TEMP TABLE bench_response AS
                SELECT r.*, CASE instrument
                           WHEN 'russtatus' THEN ARRAY['alcohol','cannabis','opioids','stimulants','sedatives','other','goal']
                           WHEN 'who-5' THEN ARRAY['cheerful','calm','active','rested','interest']
                           WHEN 'livskvalitet' THEN ARRAY['satisfaction']
                           WHEN 'meningsfullt-liv' THEN ARRAY['meaning']
                           ELSE ARRAY['priorities','happy','energy','community','friends','fulfilling','home','responsibility',
                                      'professionals','progress'] END AS items,
                       CASE instrument
                           WHEN 'russtatus' THEN ARRAY[CASE WHEN (j + rnd) %% 3 = 0 OR rnd >= 2 AND j %% 2 = 0 THEN 0
                                                            ELSE (j * 3 + rnd) %% 15 END,
                                                       CASE WHEN j %% 7 = 0 THEN rnd * 2 %% 9 ELSE 0 END, 0, 0, 0, 0,
                                                       CASE WHEN j %% 4 = 3 THEN 2 + j / 4 %% 2 ELSE 1 END]
                           WHEN 'who-5' THEN ARRAY(SELECT least(5, (j + i) %% 3 + rnd) FROM generate_series(0, 4) i)
                           WHEN 'livskvalitet' THEN ARRAY[least(10, j %% 6 + rnd)]
                           WHEN 'meningsfullt-liv' THEN ARRAY[least(10, 3 + j %% 5 + rnd / 2)]
                           ELSE ARRAY(SELECT least(6, 1 + (j + i) %% 4 + rnd / 2) FROM generate_series(0, 9) i) END AS vals
                  FROM (SELECT gen_random_uuid() AS id, b.org, p.id AS person, b.j, b.rnd,
                               (ARRAY['russtatus','who-5','livskvalitet','meningsfullt-liv','barc-10'])[1 + b.j %% 5] AS instrument,
                               date '2025-12-20' - (3 - b.rnd) * 100 - b.j %% 50 AS answered_on
                          FROM (SELECT o.id AS org, k %% %d AS j, k / %d AS rnd
                                  FROM bench_org o, generate_series(0, %d) k) b
                          JOIN bench_person p ON p.org = b.org AND p.g = 1 + b.j * %d / %d) r"""
                .formatted(respondents, respondents, shape.responses() - 1, shape.persons(), respondents));
        withoutForeignKeysAndIndexes(s, List.of("outcome_response", "outcome_answer"), () -> {
            s.execute("""
                    INSERT INTO outcome_response (id, organisation_id, person_id, instrument_id, instrument_version, answered_on,
                                                  entry_method, score, raw_score, status, goal, created_at)
                    SELECT id, org, person, instrument, 1, answered_on, 'GUIDE_WITH_PARTICIPANT', score, raw,
                           CASE WHEN instrument = 'russtatus' THEN
                               CASE WHEN score = 0 THEN 'RUSFRI' WHEN score <= 7 THEN 'REDUSERT' ELSE 'AKTIV_BRUK' END END,
                           CASE WHEN instrument = 'russtatus' THEN (ARRAY['RUSFRIHET','REDUSERT_BRUK','ANNET'])[vals[7]] END,
                           answered_on + time '10:00'
                      FROM (SELECT r.*,
                                   CASE instrument WHEN 'russtatus' THEN (SELECT max(x) FROM unnest(vals[1:6]) x)
                                                   WHEN 'who-5' THEN 4 * (SELECT sum(x) FROM unnest(vals) x)
                                                   ELSE (SELECT sum(x) FROM unnest(vals) x) END AS score,
                                   CASE instrument WHEN 'russtatus' THEN (SELECT sum(x) FROM unnest(vals[1:6]) x)
                                                   ELSE (SELECT sum(x) FROM unnest(vals) x) END AS raw
                              FROM bench_response r) r""");
            s.execute("""
                    INSERT INTO outcome_answer (response_id, organisation_id, item_id, value)
                    SELECT id, org, unnest(items), unnest(vals) FROM bench_response""");
        });
    }

    /** A year (2025) of collaboration records per organisation: councils, meetings, seminars, spread over the year. */
    private static void collaboration(Statement s, Shape shape) throws SQLException {
        s.execute("""
                INSERT INTO collaboration_record (id, organisation_id, department_id, kind, title, partner, starts_on, participants)
                SELECT gen_random_uuid(), o.id, CASE WHEN c %% 3 = 0 THEN NULL ELSE d.id END,
                       (ARRAY['COUNCIL','USER_OFFICE','SERVICE_MEETING','SEMINAR','CO_ORGANISED_EVENT','POLITICAL_MEETING',
                              'BOARD_MEETING','ANNUAL_MEETING'])[1 + c %% 8],
                       'Møte ' || c, (ARRAY['NAV','Kommunen','Helseforetaket','Kriminalomsorgen'])[1 + c %% 4],
                       date '2025-01-01' + c * 365 / %d, 3 + c %% 25
                  FROM bench_org o CROSS JOIN generate_series(0, %d) c
                  JOIN bench_dept d ON d.org = o.id AND d.d = 1 + c %% 3"""
                .formatted(shape.collaborationRecords(), shape.collaborationRecords() - 1));
    }

    interface Load {
        void run() throws SQLException;
    }

    /**
     * Runs the load with the tables' foreign keys and secondary indexes dropped (primary keys and checks stay), then
     * builds them again from their definitions as the catalogue had them: a bulk load's usual order.
     */
    static void withoutForeignKeysAndIndexes(Statement s, List<String> tables, Load load) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> create = new ArrayList<>();
        for (String table : tables) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE conrelid = '%s'::regclass AND contype = 'f'""".formatted(table))) {
                while (rs.next()) {
                    drop.add("ALTER TABLE %s DROP CONSTRAINT %s".formatted(table, rs.getString(1)));
                    create.add("ALTER TABLE %s ADD CONSTRAINT %s %s".formatted(table, rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
                     WHERE i.indrelid = '%s'::regclass
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)""".formatted(table))) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    create.add(rs.getString(2));
                }
            }
        }
        for (String sql : drop) {
            s.execute(sql);
        }
        load.run();
        for (String sql : create) {
            s.execute(sql);
        }
    }
}
