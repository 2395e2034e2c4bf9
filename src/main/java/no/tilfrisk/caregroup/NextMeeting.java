package no.tilfrisk.caregroup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The participant's next responsibility-group meeting (today or later), for the start page of «Min side». */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class NextMeeting {

    private final CareGroupRecords records;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;

    NextMeeting(CareGroupRecords records, UserAccounts users, AuditTrail audit, Clock clock) {
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The date of the signed-in participant's next meeting, if one is set; the reading is audited. */
    @Transactional
    public Optional<LocalDate> mine() {
        UUID me = Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElseThrow();
        Optional<UUID> person = users.personOf(me);
        Optional<LocalDate> next = person.flatMap(records::groupOf)
                .flatMap(group -> records.nextMeeting(group, LocalDate.now(clock)));
        if (next.isPresent()) {
            audit.record(person.get(), AuditAction.READ, "caregroup.next");
        }
        return next;
    }
}
