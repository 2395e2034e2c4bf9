package no.tilfrisk.platform.scheduling;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import no.tilfrisk.platform.tenancy.SystemPrincipal;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that Tilfrisk does by itself, with no user: a scheduled job. For one organisation it runs as
 * {@link SystemPrincipal} with admin rights (so the services' {@code @PreAuthorize} passes), with the organisation
 * set for row-level security and the audit trail, in one transaction of its own.
 */
@Component
public class AsSystem {

    private static final Logger log = LoggerFactory.getLogger(AsSystem.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;

    AsSystem(JdbcClient db, PlatformTransactionManager transactionManager) {
        this.db = db;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Every organisation's id, oldest first (a job sees none through the tables, row-level security hides them). */
    public List<UUID> organisations() {
        return db.sql("SELECT scheduled_job_organisations()").query(UUID.class).list();
    }

    /** Runs the work for one organisation as Tilfrisk itself, in one transaction. */
    public void run(UUID organisationId, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SystemPrincipal(organisationId),
                null, AuthorityUtils.createAuthorityList("ROLE_ORG_ADMIN")));
        SecurityContextHolder.setContext(system);
        try {
            Tenancy.runAs(organisationId, () -> tx.executeWithoutResult(status -> work.run()));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Runs the work once per organisation, each in its own transaction: a failure is logged with the job's name
     * and undoes that organisation's part only. Returns how many organisations failed.
     */
    public int forEachOrganisation(String job, Consumer<UUID> work) {
        int failed = 0;
        for (UUID organisationId : organisations()) {
            try {
                run(organisationId, () -> work.accept(organisationId));
            } catch (RuntimeException e) {
                failed++;
                log.error("Job {} failed for organisation {}", job, organisationId, e);
            }
        }
        return failed;
    }
}
