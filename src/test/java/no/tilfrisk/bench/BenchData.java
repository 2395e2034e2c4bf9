package no.tilfrisk.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import no.tilfrisk.platform.database.EmbeddedPostgresServer;

/**
 * The benchmark data generator, in plain SQL as the owning role: fast, and what a generator for any size would do.
 * The L set: 300 organisations of three departments, 120,000 persons (400 per organisation, each a member of one
 * department), seven weekly groups per department through 2025 (327,600 sessions) and 16 named attendances per
 * session (5.2 million), with anonymous head-counts. Organisation {@link #ORGANISATION} and its department
 * {@link #DEPARTMENT} are the ones measured; they have the same shape as the rest.
 */
final class BenchData {

    static final UUID ORGANISATION = UUID.fromString("00000000-0000-4000-8000-0000000be001");
    static final UUID DEPARTMENT = UUID.fromString("00000000-0000-4000-8000-0000000be0d1");

    private BenchData() {
    }

    /**
     * Writes the L set's organisations, persons and activities; returns the seconds it took. A database that has
     * it already (the data directory is kept between runs; delete it for a fresh set) is left as it is.
     */
    static double large(HikariDataSource dataSource) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), EmbeddedPostgresServer.OWNER_ROLE,
                EmbeddedPostgresServer.OWNER_PASSWORD); Statement s = c.createStatement()) {
            var existing = s.executeQuery("SELECT count(*) FROM organisation WHERE id = '%s'".formatted(ORGANISATION));
            existing.next();
            if (existing.getInt(1) > 0) {
                return 0;
            }
            s.execute("SET work_mem = '256MB'");
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("""
                    CREATE TEMP TABLE bench_org AS
                    SELECT CASE WHEN g = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, g AS n
                      FROM generate_series(1, 300) g""".formatted(ORGANISATION));
            s.execute("INSERT INTO organisation (id, name, require_second_factor) SELECT id, 'Bench ' || n, false FROM bench_org");
            s.execute("""
                    CREATE TEMP TABLE bench_dept AS
                    SELECT CASE WHEN o.n = 1 AND d = 1 THEN '%s'::uuid ELSE gen_random_uuid() END AS id, o.id AS org, d
                      FROM bench_org o, generate_series(1, 3) d""".formatted(DEPARTMENT));
            s.execute("INSERT INTO department (id, organisation_id, name, municipality) SELECT id, org, 'Avdeling ' || d, 'Skien' FROM bench_dept");
            // 400 persons per organisation; person g is in department 1 + (g - 1) % 3 with index (g - 1) / 3 there
            s.execute("""
                    CREATE TEMP TABLE bench_person AS
                    SELECT gen_random_uuid() AS id, o.id AS org, 1 + (g - 1) % 3 AS d, (g - 1) / 3 AS idx,
                           (ARRAY['Anne','Ingrid','Kari','Marit','Hanne','Silje','Nina','Ida','Nora','Emma','Ole','Lars',
                                  'Per','Jan','Bjørn','Knut','Arne','Thomas','Martin','Kristian','Jonas','Magnus','Erik','Hans'])
                               [1 + (random() * 23)::int] AS first,
                           (ARRAY['Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen',
                                  'Jensen','Karlsen','Johnsen','Pettersen','Eriksen','Berg','Haugen','Hagen','Dahl','Lie'])
                               [1 + (random() * 17)::int] AS last
                      FROM bench_org o, generate_series(1, 400) g""");
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
                    SELECT gen_random_uuid(), org, id, 'PARTICIPANT', date '2024-01-01' FROM bench_person""");
            s.execute("""
                    INSERT INTO activity_kind (id, organisation_id, code, position)
                    SELECT gen_random_uuid(), id, 'thematic_group', 1 FROM bench_org""");
            s.execute("""
                    CREATE TEMP TABLE bench_activity AS
                    SELECT gen_random_uuid() AS id, d.id AS dept, d.org, a FROM bench_dept d, generate_series(1, 7) a""");
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
            // 16 of the department's 133 persons per session, a different window each time
            s.execute("""
                    INSERT INTO attendance (session_id, person_id, organisation_id, recorded_at)
                    SELECT s.id, dp.person, s.org, now()
                      FROM bench_session s CROSS JOIN generate_series(0, 15) j
                      JOIN bench_dept_person dp ON dp.dept = s.dept AND dp.idx = (s.seq * 7 + j) % 133""");
            s.execute("""
                    ALTER TABLE attendance ADD CONSTRAINT attendance_pkey PRIMARY KEY (session_id, person_id) INCLUDE (organisation_id),
                        ADD CONSTRAINT attendance_session_id_fkey FOREIGN KEY (session_id) REFERENCES activity_session (id),
                        ADD CONSTRAINT attendance_person_id_fkey FOREIGN KEY (person_id) REFERENCES person (id),
                        ADD CONSTRAINT attendance_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)""");
            s.execute("CREATE INDEX attendance_person_idx ON attendance (person_id)");
            // as autovacuum leaves a table of last year's records: statistics, and the visibility map for index-only scans
            s.execute("VACUUM ANALYZE");
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
