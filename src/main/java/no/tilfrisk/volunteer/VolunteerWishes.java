package no.tilfrisk.volunteer;

import static no.tilfrisk.platform.Text.blankToNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.volunteer.internal.VolunteerAccess;
import no.tilfrisk.volunteer.matching.Wish;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's wish for a volunteer («someone to walk with», «help with bills»): set by staff who may see the
 * participant, or by the participant on «Min side». Audited either way.
 */
@Service
public class VolunteerWishes {

    private final MatchRecords records;
    private final VolunteerAccess access;
    private final AuditTrail audit;

    VolunteerWishes(MatchRecords records, VolunteerAccess access, AuditTrail audit) {
        this.records = records;
        this.access = access;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public Optional<VolunteerWish> of(UUID personId) {
        access.requireStaffSees(personId);
        audit.record(personId, AuditAction.READ, "volunteer.wish");
        return records.wish(personId);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional
    public void save(UUID personId, WishForm form) {
        access.requireStaffSees(personId);
        records.saveWish(check(personId, form, false), VolunteerAccess.me());
        audit.record(personId, AuditAction.UPDATE, "volunteer.wish");
    }

    /** The signed-in participant's own wish. */
    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional(readOnly = true)
    public Optional<VolunteerWish> mine() {
        return records.wish(access.myPerson());
    }

    @PreAuthorize("hasRole('PARTICIPANT')")
    @Transactional
    public void saveMine(WishForm form) {
        UUID me = access.myPerson();
        records.saveWish(check(me, form, true), VolunteerAccess.me());
        audit.record(me, AuditAction.UPDATE, "volunteer.wish.self");
    }

    private static VolunteerWish check(UUID personId, WishForm form, boolean byParticipant) {
        List<InvalidInputException> broken = new ArrayList<>();
        String text = blankToNull(form.getText());
        if (text != null && text.length() > 500) {
            broken.add(new InvalidInputException("text", "volunteer.text.long", 500));
        }
        List<String> languages = form.getLanguages() == null ? List.of()
                : Arrays.stream(form.getLanguages().toLowerCase().split("[,\\s]+")).filter(s -> !s.isEmpty())
                        .distinct().toList();
        if (languages.size() > 20 || languages.stream().anyMatch(l -> !l.matches("[a-z]{2}"))) {
            broken.add(new InvalidInputException("languages", "volunteer.profile.languages"));
        }
        String area = blankToNull(form.getArea());
        if (area != null && area.length() > 100) {
            broken.add(new InvalidInputException("area", "volunteer.text.long", 100));
        }
        InvalidInputException.throwIfAny(broken);
        EnumSet<Wish> wishes = EnumSet.noneOf(Wish.class);
        if (form.getWishes() != null) {
            form.getWishes().stream().filter(Objects::nonNull).forEach(wishes::add);
        }
        return new VolunteerWish(personId, wishes, text, languages, area, Slots.clean(form.getAvailability()),
                form.isWaiting(), byParticipant);
    }
}
