package no.tilfrisk.audit;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import no.tilfrisk.account.UserAccounts;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.RequestIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record of who read or changed whose personal data. Written in the caller's transaction, just before it
 * commits, so a change and its audit row are saved together or not at all. Append-only: the app's database role
 * cannot change or delete a row, and the database chains each row to the one before it.
 */
@Service
public class AuditTrail {

    private final JdbcClient db;
    private final UserAccounts users;
    private final AuditCheckpoints checkpoints;

    AuditTrail(JdbcClient db, UserAccounts users, AuditCheckpoints checkpoints) {
        this.db = db;
        this.users = users;
        this.checkpoints = checkpoints;
    }

    /** Records one access. {@code what} names the module and field group, e.g. {@code person.note}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID personId, AuditAction action, String what) {
        recordAll(List.of(new Access(personId, action, what)));
    }

    /** One row per person, for a read that shows several persons at once (a roll call, an attendance list). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(Collection<UUID> personIds, AuditAction action, String what) {
        recordAll(personIds.stream().map(p -> new Access(p, action, what)).toList());
    }

    /** One access of one person, for {@link #recordAll}. */
    public record Access(UUID personId, AuditAction action, String what) {
    }

    /** Many accesses, each its own row in this order: what many calls of {@link #record} would write. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Access> accesses) {
        if (accesses.isEmpty()) {
            return;
        }
        UUID organisation = Tenancy.requireOrganisationId();
        UUID actor = actorId();
        var origin = RequestIds.current();
        pend(accesses.stream().map(a -> new Row(organisation, actor, a.personId(), a.action().name(), a.what(),
                origin.requestId(), origin.clientAddress())).toList());
    }

    /** Adds the rows to those the transaction writes at its commit, or writes them now outside a transaction. */
    private void pend(List<Row> rows) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(rows);
            return;
        }
        PendingRows pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingRows.class::isInstance).map(PendingRows.class::cast).findFirst()
                .orElseGet(() -> {
                    PendingRows created = new PendingRows(this);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
        pending.rows.addAll(rows);
    }

    /** One audit row as recorded, before the database chains it. */
    private record Row(UUID organisation, UUID actor, UUID person, String action, String what, String requestId,
                       String clientAddress) {
    }

    /** The rows in one statement, in the order given: the database chains them in that order. */
    private void insert(List<Row> rows) {
        db.sql("""
                        INSERT INTO audit_event (organisation_id, actor_id, person_id, action, what, request_id, client_address)
                        SELECT o, a, p, ac, w, rq, cl
                          FROM unnest(?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY AS r(o, a, p, ac, w, rq, cl, n)
                         ORDER BY n""")
                .params(column(rows, Row::organisation, UUID[]::new), column(rows, Row::actor, UUID[]::new),
                        column(rows, Row::person, UUID[]::new), column(rows, Row::action, String[]::new),
                        column(rows, Row::what, String[]::new), column(rows, Row::requestId, String[]::new),
                        column(rows, Row::clientAddress, String[]::new))
                .update();
    }

    private static <T> T[] column(List<Row> rows, Function<Row, T> field,
                                  IntFunction<T[]> array) {
        return rows.stream().map(field).toArray(array);
    }

    /**
     * The audit rows of one transaction, written in one statement just before it commits, still inside it: a
     * transaction that rolls back writes none. The database chains each organisation's rows under a lock held until
     * the commit; written at the end, the rows hold that lock for their own writing and the commit only, not for
     * the rest of the transaction (the start page reads eight modules, six of which record), so one organisation's
     * requests do not wait on each other's reading. What a transaction records is not in the trail it reads itself.
     */
    private static final class PendingRows implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<Row> rows = new ArrayList<>();

        PendingRows(AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!rows.isEmpty()) {
                trail.insert(rows);
            }
        }
    }

    /** The trail, newest first, filtered by person, actor and dates (each optional). */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> search(UUID personId, UUID actorId, LocalDate from, LocalDate to, int limit) {
        return withNames(db.sql(SELECT + """
                         WHERE e.organisation_id = :org
                           AND (CAST(:person AS uuid) IS NULL OR e.person_id = :person)
                           AND (CAST(:actor AS uuid) IS NULL OR e.actor_id = :actor)
                           AND (CAST(:from AS date) IS NULL OR e.at >= (CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE 'Europe/Oslo'))
                           AND (CAST(:to AS date) IS NULL OR e.at < (CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE 'Europe/Oslo'))
                         ORDER BY e.seq DESC LIMIT :limit""")
                .param("org", Tenancy.requireOrganisationId())
                .param("person", personId).param("actor", actorId).param("from", from).param("to", to)
                .param("limit", limit)
                .query(AuditEntry.class).list());
    }

    /**
     * Who other than the person has looked at or changed their data: for the person themself («hvem har sett
     * mine data»).
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> accessTo(UUID personId, UUID exceptActor) {
        return withNames(db.sql(SELECT + """
                         WHERE e.organisation_id = ? AND e.person_id = ? AND e.actor_id IS DISTINCT FROM ?
                         ORDER BY e.seq DESC LIMIT 500""")
                .params(Tenancy.requireOrganisationId(), personId, exceptActor)
                .query(AuditEntry.class).list());
    }

    /**
     * Checks every row's hash and its link to the row before it in its lane (V96: a changed, inserted or removed row
     * shows), and the end of every lane against the latest signed checkpoint kept outside the database ({@link AuditCheckpoints}): a trail
     * cut from its end, or rewritten with new hashes, no longer holds the row the checkpoint names.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        UUID organisation = Tenancy.requireOrganisationId();
        record Links(int rows, Long firstBroken) {
        }
        Links links = db.sql("""
                        SELECT count(*)::int, min(seq) FILTER (WHERE NOT (intact AND linked))
                          FROM (SELECT seq, hash = sha256(prev_hash || audit_event_content(e)) AS intact,
                                       prev_hash = coalesce(lag(hash) OVER (PARTITION BY lane ORDER BY seq), '\\x'::bytea) AS linked
                                  FROM audit_event e WHERE organisation_id = ?) checked""")
                .param(organisation)
                .query((rs, i) -> new Links(rs.getInt(1), (Long) rs.getObject(2))).single();
        AuditCheckpoints.Anchor anchor = checkpoints.anchor(organisation);
        if (anchor.latest().isEmpty()) {
            return new ChainVerification(links.rows(), links.firstBroken(), CheckpointState.NONE, null, null,
                    anchor.refused());
        }
        AuditCheckpoint checkpoint = anchor.latest().get();
        CheckpointState state = CheckpointState.HELD;
        for (AuditCheckpoint.Tail named : checkpoint.rowsNamed()) {
            Optional<String> hash = db.sql("SELECT encode(hash, 'hex') FROM audit_event WHERE organisation_id = ? AND seq = ?")
                    .params(organisation, named.seq()).query(String.class).optional();
            if (hash.isEmpty()) {
                state = CheckpointState.TAIL_MISSING;
                break;
            }
            if (!hash.get().equals(named.hash())) {
                state = CheckpointState.REWRITTEN;
            }
        }
        return new ChainVerification(links.rows(), links.firstBroken(), state, checkpoint.seq(), checkpoint.at(),
                anchor.refused());
    }

    /** How the trail's end stands against the latest signed checkpoint. */
    public enum CheckpointState {
        /** no checkpoint written yet */
        NONE,
        /** the row the checkpoint names is there with the same hash */
        HELD,
        /** the row the checkpoint names is gone: the trail was cut from its end */
        TAIL_MISSING,
        /** the row is there with another hash: the trail was written anew */
        REWRITTEN
    }

    /**
     * Shown once after the check, so it passes through the session: serializable. {@code refusedCheckpoints}
     * counts stored checkpoints whose signature does not verify (forged or changed); they are never used.
     */
    public record ChainVerification(int rowsChecked, Long firstBrokenSeq, CheckpointState checkpoint,
                                    Long checkpointSeq, Instant checkpointAt, int refusedCheckpoints)
            implements Serializable {

        public boolean linksIntact() {
            return firstBrokenSeq == null;
        }

        public boolean intact() {
            return linksIntact() && (checkpoint == CheckpointState.NONE || checkpoint == CheckpointState.HELD)
                    && refusedCheckpoints == 0;
        }
    }

    private static UUID actorId() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

    private List<AuditEntry> withNames(List<AuditEntry> entries) {
        Map<UUID, String> names = users.names(entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return entries.stream().map(e -> new AuditEntry(e.seq(), e.at(), e.actorId(),
                e.actorId() == null ? null : names.get(e.actorId()),
                e.personId(), e.action(), e.what(), e.requestId(), e.clientAddress())).toList();
    }

    private static final String SELECT = """
            SELECT e.seq, e.at, e.actor_id, NULL AS actor_name, e.person_id, e.action, e.what,
                   e.request_id, e.client_address
              FROM audit_event e
            """;
}
