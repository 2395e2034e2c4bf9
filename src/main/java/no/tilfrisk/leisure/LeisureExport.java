package no.tilfrisk.leisure;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's leisure data for their export (GDPR art. 15/20): each process as staff see it, and the loans. */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class LeisureExport {

    /** What the export holds. */
    public record Data(List<ProcessView> processes, List<Loan> loans) {
    }

    private final Inclusions inclusions;
    private final Lending lending;

    LeisureExport(Inclusions inclusions, Lending lending) {
        this.inclusions = inclusions;
        this.lending = lending;
    }

    /** The person's processes and loans (the reader may see the person; each read audited). */
    @Transactional
    public Data of(UUID personId) {
        List<ProcessView> processes = inclusions.ofParticipant(personId).stream().map(p -> inclusions.view(p.id())).toList();
        return new Data(processes, lending.loansOf(personId));
    }
}
