package no.tilfrisk.leisure;

import static no.tilfrisk.platform.Text.blankToNull;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.tilfrisk.audit.AuditAction;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.leisure.internal.LeisureAccess;
import no.tilfrisk.organisation.Departments;
import no.tilfrisk.person.PersonLookup;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment inventory and loans to participants («det var godt å bli stolt på», seed 002). An item is lent to
 * one participant at a time: a loan whose days would meet another loan of the item (one not returned, or returned
 * after the new loan's first day) is refused, and a unique index holds the rule under concurrent requests. Loans
 * are shown only for participants the caller may see; each shown is an audit row.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
public class Lending {

    private static final String LOAN = """
            SELECT l.id, l.equipment_id, e.name AS item_name, l.participant_id, l.lent_on, l.expected_return,
                   l.returned_on, l.return_condition
              FROM leisure_loan l JOIN leisure_equipment e ON e.id = l.equipment_id""";

    private final JdbcClient db;
    private final LeisureAccess access;
    private final PersonLookup persons;
    private final Departments departments;
    private final AuditTrail audit;
    private final Clock clock;

    Lending(JdbcClient db, LeisureAccess access, PersonLookup persons, Departments departments, AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.access = access;
        this.persons = persons;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    private static UUID org() {
        return Tenancy.requireOrganisationId();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The organisation's inventory, by name; an item lent out carries its open loan's id, never the borrower. */
    @Transactional(readOnly = true)
    public List<Item> items() {
        return db.sql("""
                        SELECT e.id, e.department_id, e.name, e.kind, e.value_ore, e.condition, e.stored_at,
                               (SELECT l.id FROM leisure_loan l WHERE l.equipment_id = e.id AND l.returned_on IS NULL) AS loan
                          FROM leisure_equipment e WHERE e.organisation_id = ? ORDER BY lower(e.name), e.id""")
                .param(org())
                .query((rs, i) -> new Item(rs.getObject("id", UUID.class), rs.getObject("department_id", UUID.class),
                        rs.getString("name"), EquipmentKind.valueOf(rs.getString("kind")),
                        (Long) rs.getObject("value_ore"), Condition.valueOf(rs.getString("condition")),
                        rs.getString("stored_at"), rs.getObject("loan", UUID.class)))
                .list();
    }

    /** Adds an item under the form's id. */
    @Transactional
    public UUID addItem(UUID id, ItemForm f) {
        List<InvalidInputException> broken = new ArrayList<>();
        if (f.getDepartmentId() == null || !departments.exists(f.getDepartmentId())) {
            broken.add(new InvalidInputException("departmentId", "leisure.item.department.required"));
        }
        if (blankToNull(f.getName()) == null) {
            broken.add(new InvalidInputException("name", "leisure.item.name.required"));
        } else if (f.getName().strip().length() > 200) {
            broken.add(new InvalidInputException("name", "leisure.tooLong", 200));
        }
        if (f.getKind() == null) {
            broken.add(new InvalidInputException("kind", "leisure.item.kind.required"));
        }
        if (f.getCondition() == null) {
            broken.add(new InvalidInputException("condition", "leisure.item.condition.required"));
        }
        if (f.getValue() != null && (f.getValue().signum() < 0 || f.getValue().scale() > 2
                || f.getValue().compareTo(new BigDecimal("10000000")) > 0)) {
            broken.add(new InvalidInputException("value", "leisure.money.invalid"));
        }
        if (f.getStoredAt() != null && f.getStoredAt().strip().length() > 200) {
            broken.add(new InvalidInputException("storedAt", "leisure.tooLong", 200));
        }
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        INSERT INTO leisure_equipment (id, organisation_id, department_id, name, kind, value_ore, condition,
                                                       stored_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), f.getDepartmentId(), f.getName().strip(), f.getKind().name(),
                        f.getValue() == null ? null : f.getValue().movePointRight(2).longValueExact(),
                        f.getCondition().name(), blankToNull(f.getStoredAt()), LeisureAccess.me())
                .update();
        return id;
    }

    /** The loans of participants the caller may see, open first, newest first; only the open ones if asked. */
    @Transactional
    public List<Loan> loans(boolean openOnly) {
        Set<UUID> visible = persons.visiblePersonIds();
        List<Loan> found = db.sql(LOAN + " " + """
                         WHERE l.organisation_id = ? AND l.participant_id = ANY(?) AND (NOT ? OR l.returned_on IS NULL)
                         ORDER BY l.returned_on IS NOT NULL, l.lent_on DESC, l.id""")
                .params(org(), visible.toArray(UUID[]::new), openOnly).query((rs, i) -> loan(rs, null)).list();
        return named(found, "leisure.loan.list");
    }

    /** The participant's loans (their process page). */
    @Transactional
    public List<Loan> loansOf(UUID participantId) {
        access.requireStaffSees(participantId);
        List<Loan> found = db.sql(LOAN + " WHERE l.organisation_id = ? AND l.participant_id = ? ORDER BY l.lent_on DESC, l.id")
                .params(org(), participantId).query((rs, i) -> loan(rs, null)).list();
        return named(found, "leisure.loan.list");
    }

    /** Open loans past their expected return, for «Mine oppgaver». */
    @Transactional
    public List<Loan> overdue() {
        return loans(true).stream().filter(l -> l.overdue(today())).toList();
    }

    /** Lends an item under the form's id; an item already lent in those days is refused on the item's field. */
    @Transactional
    public UUID lend(UUID id, LoanForm f) {
        if (f.getParticipantId() == null) {
            throw new InvalidInputException("participantId", "leisure.loan.participant.required");
        }
        access.requireStaffSees(f.getParticipantId());
        if (db.sql("SELECT EXISTS (SELECT 1 FROM leisure_loan WHERE id = ?)").param(id).query(Boolean.class).single()) {
            return id;
        }
        List<InvalidInputException> broken = new ArrayList<>();
        boolean itemOurs = f.getEquipmentId() != null && db.sql(
                        "SELECT EXISTS (SELECT 1 FROM leisure_equipment WHERE id = ? AND organisation_id = ?)")
                .params(f.getEquipmentId(), org()).query(Boolean.class).single();
        if (!itemOurs) {
            broken.add(new InvalidInputException("equipmentId", "leisure.loan.item.required"));
        }
        if (f.getLentOn() == null) {
            broken.add(new InvalidInputException("lentOn", "leisure.loan.lentOn.required"));
        } else if (f.getLentOn().isAfter(today())) {
            broken.add(new InvalidInputException("lentOn", "leisure.date.future"));
        }
        if (f.getExpectedReturn() == null) {
            broken.add(new InvalidInputException("expectedReturn", "leisure.loan.expectedReturn.required"));
        } else if (f.getLentOn() != null && f.getExpectedReturn().isBefore(f.getLentOn())) {
            broken.add(new InvalidInputException("expectedReturn", "leisure.loan.beforeLoan"));
        }
        if (itemOurs && f.getLentOn() != null && db.sql("""
                        SELECT EXISTS (SELECT 1 FROM leisure_loan WHERE equipment_id = ? AND organisation_id = ?
                                          AND (returned_on IS NULL OR returned_on > ?))""")
                .params(f.getEquipmentId(), org(), f.getLentOn()).query(Boolean.class).single()) {
            broken.add(new InvalidInputException("equipmentId", "leisure.loan.lentAlready"));
        }
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        INSERT INTO leisure_loan (id, organisation_id, equipment_id, participant_id, lent_on, expected_return,
                                                  created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, org(), f.getEquipmentId(), f.getParticipantId(), f.getLentOn(), f.getExpectedReturn(),
                        LeisureAccess.me())
                .update();
        audit.record(f.getParticipantId(), AuditAction.CREATE, "leisure.loan:" + id);
        return id;
    }

    /** Records a loan's return and the item's condition; a day before the loan or in the future is refused. */
    @Transactional
    public void giveBack(UUID loanId, ReturnForm f) {
        Loan loan = db.sql(LOAN + " WHERE l.id = ? AND l.organisation_id = ?").params(loanId, org())
                .query((rs, i) -> loan(rs, null)).optional().orElseThrow(() -> new NotFoundException("Loan"));
        access.requireStaffSees(loan.participantId());
        if (loan.returnedOn() != null) {
            return; // a double submit: returned already
        }
        List<InvalidInputException> broken = new ArrayList<>();
        if (f.getReturnedOn() == null) {
            broken.add(new InvalidInputException("returnedOn", "leisure.loan.returnedOn.required"));
        } else if (f.getReturnedOn().isBefore(loan.lentOn())) {
            broken.add(new InvalidInputException("returnedOn", "leisure.loan.beforeLoan"));
        } else if (f.getReturnedOn().isAfter(today())) {
            broken.add(new InvalidInputException("returnedOn", "leisure.date.future"));
        }
        if (f.getCondition() == null) {
            broken.add(new InvalidInputException("condition", "leisure.item.condition.required"));
        }
        InvalidInputException.throwIfAny(broken);
        db.sql("""
                        UPDATE leisure_loan SET returned_on = ?, return_condition = ?
                         WHERE id = ? AND organisation_id = ? AND returned_on IS NULL""")
                .params(f.getReturnedOn(), f.getCondition().name(), loanId, org()).update();
        db.sql("UPDATE leisure_equipment SET condition = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(f.getCondition().name(), loan.equipmentId(), org()).update();
        audit.record(loan.participantId(), AuditAction.UPDATE, "leisure.loan.return:" + loanId);
    }

    private List<Loan> named(List<Loan> found, String what) {
        Map<UUID, PersonLookup.PersonName> names = persons.names(found.stream().map(Loan::participantId).distinct().toList());
        audit.recordEach(names.keySet(), AuditAction.READ, what);
        return found.stream().map(l -> new Loan(l.id(), l.equipmentId(), l.itemName(), l.participantId(),
                names.containsKey(l.participantId()) ? names.get(l.participantId()).displayName() : null, l.lentOn(),
                l.expectedReturn(), l.returnedOn(), l.returnCondition())).toList();
    }

    private static Loan loan(ResultSet rs, String name) throws SQLException {
        String condition = rs.getString("return_condition");
        return new Loan(rs.getObject("id", UUID.class), rs.getObject("equipment_id", UUID.class),
                rs.getString("item_name"), rs.getObject("participant_id", UUID.class), name,
                rs.getObject("lent_on", LocalDate.class), rs.getObject("expected_return", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class), condition == null ? null : Condition.valueOf(condition));
    }
}
