package no.tilfrisk.platform.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions in PostgreSQL (Spring Session JDBC), shared by all app nodes.
 *
 * <p>Spring Session writes the session row on every request, if only for its last access time; with its commit
 * (a flush of the write-ahead log) that was the largest part of what a signed-in request spent on its session
 * (bench/RESULTS.md). The row is now written only when something besides the time changed (the session id at
 * sign-in, the principal, the timeout), or when the stored last access is {@value #LAST_ACCESS_PRECISION_MILLIS}
 * ms or more behind. So an idle session ends after 30 minutes or up to that much sooner, never later. Attributes
 * are written as before, and deleting a session (sign-out, a changed user) is untouched.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    static final long LAST_ACCESS_PRECISION_MILLIS = 10_000;

    /**
     * The library's update with its parameters in the same order, and a condition on whether to write. The casts
     * give the parameters the table's types, so the primary key's index finds the row.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %%TABLE_NAME%% AS s
               SET SESSION_ID = n.session_id, LAST_ACCESS_TIME = n.last_access_time,
                   MAX_INACTIVE_INTERVAL = n.max_inactive_interval, EXPIRY_TIME = n.expiry_time,
                   PRINCIPAL_NAME = n.principal_name
              FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
                           CAST(? AS int) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
                           CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) AS n
             WHERE s.PRIMARY_ID = n.primary_id
               AND (s.SESSION_ID <> n.session_id
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM n.principal_name
                    OR s.MAX_INACTIVE_INTERVAL <> n.max_inactive_interval
                    OR n.last_access_time >= s.LAST_ACCESS_TIME + %d)
            """.formatted(LAST_ACCESS_PRECISION_MILLIS);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> writeLastAccessOnlyWhenBehind() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
