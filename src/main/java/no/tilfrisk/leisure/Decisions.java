package no.tilfrisk.leisure;

import static no.tilfrisk.platform.Text.blankToNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.leisure.internal.LeisureAccess;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal decision (vedtak om støttekontakt) of a process, and the hours used against it. Hours are logged
 * on a day within the decision, and never beyond it: a week's (Monday to Sunday) or a calendar month's hours,
 * this entry included, stay within the hours granted per week or month.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Decisions {

    private final ProcessRecords records;
    private final Inclusions inclusions;
    private final AuditTrail audit;
    private final Clock clock;

    Decisions(ProcessRecords records, Inclusions inclusions, AuditTrail audit, Clock clock) {
        this.records = records;
        this.inclusions = inclusions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a decision under the form's id. */
    @Transactional
    public UUID add(UUID id, UUID processId, DecisionForm f) {
        Process p = inclusions.require(processId);
        if (records.decisionExists(id)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (blankToNull(f.getReference()) == null) {
            broken.add(new InvalidInputException("reference", "leisure.decision.reference.required"));
        } else if (f.getReference().strip().length() > 100) {
            broken.add(new InvalidInputException("reference", "leisure.tooLong", 100));
        }
        if (blankToNull(f.getMunicipality()) == null) {
            broken.add(new InvalidInputException("municipality", "leisure.municipality.required"));
        } else if (f.getMunicipality().strip().length() > 100) {
            broken.add(new InvalidInputException("municipality", "leisure.tooLong", 100));
        }
        if (f.getForm() == null) {
            broken.add(new InvalidInputException("form", "leisure.decision.form.required"));
        }
        if (f.getHours() == null || f.getHours().signum() <= 0 || f.getHours().compareTo(new BigDecimal("200")) > 0
                || f.getHours().scale() > 2) {
            broken.add(new InvalidInputException("hours", "leisure.decision.hours.range"));
        }
        if (f.getPer() == null) {
            broken.add(new InvalidInputException("per", "leisure.decision.per.required"));
        }
        if (f.getValidFrom() == null) {
            broken.add(new InvalidInputException("validFrom", "leisure.decision.validFrom.required"));
        }
        if (f.getValidTo() == null) {
            broken.add(new InvalidInputException("validTo", "leisure.decision.validTo.required"));
        } else if (f.getValidFrom() != null && f.getValidTo().isBefore(f.getValidFrom())) {
            broken.add(new InvalidInputException("validTo", "leisure.decision.validTo.beforeFrom"));
        }
        InvalidInputException.throwIfAny(broken);
        records.insertDecision(id, processId, f, LeisureAccess.me());
        audit.record(p.participantId(), AuditAction.CREATE, "leisure.decision:" + id);
        return id;
    }

    /** Logs hours used under the form's id; beyond the decision, outside its dates or in the future: refused. */
    @Transactional
    public UUID logHours(UUID id, UUID processId, UUID decisionId, HoursForm f) {
        Decision d = records.decision(decisionId).filter(x -> x.processId().equals(processId))
                .orElseThrow(() -> new NotFoundException("Decision"));
        Process p = inclusions.require(d.processId());
        if (records.hoursExist(id)) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (f.getUsedOn() == null) {
            broken.add(new InvalidInputException("usedOn", "leisure.hours.usedOn.required"));
        } else if (f.getUsedOn().isAfter(LocalDate.now(clock))) {
            broken.add(new InvalidInputException("usedOn", "leisure.date.future"));
        } else if (f.getUsedOn().isBefore(d.validFrom()) || f.getUsedOn().isAfter(d.validTo())) {
            broken.add(new InvalidInputException("usedOn", "leisure.hours.outside"));
        }
        if (f.getHours() == null || f.getHours().signum() <= 0 || f.getHours().compareTo(new BigDecimal("24")) > 0
                || f.getHours().scale() > 2) {
            broken.add(new InvalidInputException("hours", "leisure.hours.range"));
        }
        if (broken.isEmpty()) {
            LocalDate from = d.per() == Decision.HoursPer.WEEK
                    ? f.getUsedOn().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : f.getUsedOn().withDayOfMonth(1);
            LocalDate to = d.per() == Decision.HoursPer.WEEK ? from.plusDays(6)
                    : f.getUsedOn().with(TemporalAdjusters.lastDayOfMonth());
            BigDecimal used = records.hoursBetween(decisionId, from, to);
            if (used.add(f.getHours()).compareTo(d.hours()) > 0) {
                broken.add(new InvalidInputException("hours", "leisure.hours.beyond",
                        d.hours().stripTrailingZeros().toPlainString(), used.stripTrailingZeros().toPlainString()));
            }
        }
        InvalidInputException.throwIfAny(broken);
        records.insertHours(id, decisionId, f, LeisureAccess.me());
        audit.record(p.participantId(), AuditAction.UPDATE, "leisure.decision.hours:" + decisionId);
        return id;
    }
}
