package no.tilfrisk.leisure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.leisure.internal.LeisureAccess;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participant's own process on «Min side»: the step they are at, the activity and when it meets, the
 * facilitator's first name (nothing more of them), and the check-ins they may answer (from a week before the day).
 * Only the signed-in participant's own process is ever read; an id is never taken from the request.
 */
@Service
@PreAuthorize("hasRole('PARTICIPANT')")
public class MyLeisure {

    /** What the participant sees. */
    public record Mine(UUID processId, Step furthest, String clubName, String meetingTimes, String address,
                       String facilitatorFirstName, List<InclusionRules.CheckInSlot> answerable,
                       List<InclusionRules.CheckInSlot> answered) {
    }

    private final ProcessRecords records;
    private final JdbcClient db;
    private final LeisureAccess access;
    private final PersonLookup persons;
    private final AuditTrail audit;
    private final Clock clock;

    MyLeisure(ProcessRecords records, JdbcClient db, LeisureAccess access, PersonLookup persons, AuditTrail audit,
              Clock clock) {
        this.records = records;
        this.db = db;
        this.access = access;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /** The participant's open process, if any. */
    @Transactional
    public Optional<Mine> mine() {
        UUID me = access.myPerson();
        Optional<Process> open = records.openOf(me);
        audit.record(me, AuditAction.READ, "leisure.process.mine");
        return open.map(p -> {
            Club club = p.clubId() == null ? null : Catalogue.find(db, p.clubId());
            String facilitator = null;
            if (p.facilitatorId() != null) {
                PersonLookup.PersonName n = persons.names(List.of(p.facilitatorId())).get(p.facilitatorId());
                facilitator = n == null ? null : n.displayName().strip().split("\\s+")[0];
            }
            LocalDate today = LocalDate.now(clock);
            List<InclusionRules.CheckInSlot> slots = InclusionRules.checkIns(p.followUpFrom(), records.answers(p.id()));
            return new Mine(p.id(), InclusionRules.furthest(InclusionRules.reached(records.steps(p.id()))),
                    club == null ? null : club.name(), club == null ? null : club.meetingTimes(),
                    club == null ? null : club.address(), facilitator,
                    slots.stream().filter(s -> !s.answered() && !s.on().minusDays(7).isAfter(today)).toList(),
                    slots.stream().filter(InclusionRules.CheckInSlot::answered).toList());
        });
    }

    /** Answers a check-in of one's own open process; one answered already stays as it was. */
    @Transactional
    public void answer(CheckInDue due, CheckInForm form) {
        UUID me = access.myPerson();
        Process p = records.openOf(me).orElseThrow(() -> new NotFoundException("Process"));
        Inclusions.answer(records, p, due, form, LocalDate.now(clock), true);
        audit.record(me, AuditAction.UPDATE, "leisure.checkIn:" + p.id() + ":" + due);
    }
}
