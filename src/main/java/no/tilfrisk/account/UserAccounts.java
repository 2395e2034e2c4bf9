package no.tilfrisk.account;

import java.io.Serializable;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's user accounts, managed by its admin. A change of roles, departments or status ends the
 * user's open sessions, so it takes effect at once.
 */
@Service
public class UserAccounts {

    /** A password made by the system, to be handed to the user once. */
    public record TemporaryPassword(UUID userId, String email, String password) implements Serializable {
    }

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final FindByIndexNameSessionRepository<?> sessions;

    UserAccounts(JdbcClient db, PasswordEncoder passwords, FindByIndexNameSessionRepository<?> sessions) {
        this.db = db;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return db.sql(SELECT + " WHERE u.organisation_id = ? ORDER BY lower(u.display_name)")
                .param(Tenancy.requireOrganisationId())
                .query(UserAccounts::account).list();
    }

    /** The person an account belongs to (a participant's own account), if any. */
    @Transactional(readOnly = true)
    public Optional<UUID> personOf(UUID userId) {
        return db.sql("SELECT person_id FROM app_user WHERE id = ? AND organisation_id = ? AND person_id IS NOT NULL")
                .params(userId, Tenancy.requireOrganisationId()).query(UUID.class).optional();
    }

    /** The account that belongs to a person, if they have one. */
    @Transactional(readOnly = true)
    public Optional<UUID> accountOf(UUID personId) {
        return db.sql("SELECT id FROM app_user WHERE person_id = ? AND organisation_id = ?")
                .params(personId, Tenancy.requireOrganisationId()).query(UUID.class).optional();
    }

    /** Whether an address already signs in somewhere: addresses are unique across organisations. */
    @Transactional(readOnly = true)
    public boolean isEmailInUse(String email) {
        return emailTaken(email.strip().toLowerCase(Locale.ROOT), null);
    }

    /** Links an account to the person it belongs to: a participant's own account (demo data, invitations). */
    @Transactional
    public void linkPerson(UUID userId, UUID personId) {
        db.sql("UPDATE app_user SET person_id = ? WHERE id = ? AND organisation_id = ?")
                .params(personId, userId, Tenancy.requireOrganisationId()).update();
    }

    /** Active users who can lead an activity or take part in one as staff: admins, coordinators, staff, volunteers. */
    @Transactional(readOnly = true)
    public Map<UUID, String> possibleLeaders() {
        Map<UUID, String> found = new LinkedHashMap<>();
        db.sql("""
                        SELECT u.id, u.display_name FROM app_user u
                         WHERE u.organisation_id = ? AND u.active
                           AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id
                                         AND r.role IN ('ORG_ADMIN', 'COORDINATOR', 'STAFF', 'VOLUNTEER'))
                         ORDER BY lower(u.display_name)""")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** The names of staff and other users of this organisation, to show who did what. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT id, display_name FROM app_user WHERE organisation_id = ? AND id = ANY(?)")
                .params(Tenancy.requireOrganisationId(), ids.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The e-mail of an active account of this organisation, for a notice the account's owner chose to get. */
    @Transactional(readOnly = true)
    public Optional<String> emailOf(UUID userId) {
        return db.sql("SELECT email FROM app_user WHERE id = ? AND organisation_id = ? AND active")
                .params(userId, Tenancy.requireOrganisationId()).query(String.class).optional();
    }

    /** A user who works with persons (admin, coordinator, staff), as a record names who took part. */
    public record StaffMember(UUID id, String displayName) {
    }

    /**
     * The organisation's active admins, coordinators and staff, by name: the choices when a record names the
     * staff members who took part.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public List<StaffMember> staff() {
        return db.sql("""
                        SELECT u.id, u.display_name FROM app_user u
                         WHERE u.organisation_id = ? AND u.active
                           AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id
                                         AND r.role IN ('ORG_ADMIN', 'COORDINATOR', 'STAFF'))
                         ORDER BY lower(u.display_name), u.id""")
                .param(Tenancy.requireOrganisationId())
                .query((rs, i) -> new StaffMember(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public UserAccount get(UUID id) {
        return db.sql(SELECT + " WHERE u.id = ? AND u.organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId())
                .query(UserAccounts::account).optional()
                .orElseThrow(() -> new NotFoundException("User"));
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public TemporaryPassword create(UserForm form) {
        String password = temporaryPassword();
        UUID id = register(form, password);
        return new TemporaryPassword(id, form.normalisedEmail(), password);
    }

    /**
     * Creates an account with a known password in the current organisation: for set-up (demo data), and for a
     * participant who chose their password through an invitation. Admins create accounts through {@link #create}.
     */
    @Transactional
    public UUID register(UserForm form, String password) {
        if (emailTaken(form.normalisedEmail(), null)) {
            throw new InvalidInputException("email", "user.email.taken");
        }
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO app_user (id, organisation_id, email, display_name, password_hash)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(id, Tenancy.requireOrganisationId(), form.normalisedEmail(), form.getDisplayName().strip(),
                        passwords.encode(password))
                .update();
        writeRolesAndDepartments(id, form);
        return id;
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UserAccount update(UUID id, UserForm form) {
        UserAccount before = get(id);
        if (emailTaken(form.normalisedEmail(), id)) {
            throw new InvalidInputException("email", "user.email.taken");
        }
        if (id.equals(CurrentUser.get().userId()) && !form.getRoles().contains(Role.ORG_ADMIN)) {
            throw new InvalidInputException("roles", "user.roles.keep-own-admin");
        }
        db.sql("UPDATE app_user SET email = ?, display_name = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(form.normalisedEmail(), form.getDisplayName().strip(), id, Tenancy.requireOrganisationId())
                .update();
        db.sql("DELETE FROM user_role WHERE user_id = ?").param(id).update();
        db.sql("DELETE FROM user_department WHERE user_id = ?").param(id).update();
        writeRolesAndDepartments(id, form);
        endSessions(before.email());
        return get(id);
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void setActive(UUID id, boolean active) {
        if (!active && id.equals(CurrentUser.get().userId())) {
            throw new InvalidInputException("active", "user.deactivate-self");
        }
        UserAccount account = get(id);
        db.sql("UPDATE app_user SET active = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(active, id, Tenancy.requireOrganisationId()).update();
        if (!active) {
            endSessions(account.email());
        }
    }

    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public TemporaryPassword resetPassword(UUID id) {
        UserAccount account = get(id);
        String password = temporaryPassword();
        db.sql("UPDATE app_user SET password_hash = ?, updated_at = now() WHERE id = ? AND organisation_id = ?")
                .params(passwords.encode(password), id, Tenancy.requireOrganisationId()).update();
        endSessions(account.email());
        return new TemporaryPassword(id, account.email(), password);
    }

    /**
     * Removes the user's second factor and recovery codes, for a lost phone, and ends their sessions. Where
     * the organisation requires a second factor, the user sets up a new one at the next sign-in.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void resetSecondFactor(UUID id) {
        UserAccount account = get(id);
        UUID organisation = Tenancy.requireOrganisationId();
        db.sql("DELETE FROM recovery_code WHERE user_id = ? AND organisation_id = ?").params(id, organisation).update();
        db.sql("DELETE FROM second_factor WHERE user_id = ? AND organisation_id = ?").params(id, organisation).update();
        endSessions(account.email());
    }

    private void writeRolesAndDepartments(UUID id, UserForm form) {
        UUID organisation = Tenancy.requireOrganisationId();
        for (Role role : form.getRoles()) {
            db.sql("INSERT INTO user_role (user_id, organisation_id, role) VALUES (?, ?, ?)")
                    .params(id, organisation, role.name()).update();
        }
        // Only departments of this organisation: a foreign key alone would accept another organisation's id.
        int linked = db.sql("""
                        INSERT INTO user_department (user_id, department_id, organisation_id)
                        SELECT ?, d.id, d.organisation_id FROM department d
                        WHERE d.organisation_id = ? AND d.id = ANY(?)""")
                .params(id, organisation, form.getDepartmentIds().toArray(UUID[]::new))
                .update();
        if (linked != form.getDepartmentIds().size()) {
            throw new InvalidInputException("departmentIds", "user.departments.unknown");
        }
    }

    private boolean emailTaken(String email, UUID except) {
        // e-mail is unique across organisations; the sign-in lookup sees all of them
        return db.sql("SELECT id FROM sign_in_account(?)").param(email)
                .query(UUID.class).optional()
                .filter(found -> !found.equals(except))
                .isPresent();
    }

    private void endSessions(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static final String SELECT = """
            SELECT u.id, u.email, u.display_name, u.active,
                   coalesce((SELECT array_agg(r.role) FROM user_role r WHERE r.user_id = u.id), '{}') AS roles,
                   coalesce((SELECT array_agg(d.department_id) FROM user_department d WHERE d.user_id = u.id), '{}')
                       AS department_ids,
                   (SELECT f.enrolled_at FROM second_factor f WHERE f.user_id = u.id) AS second_factor_enrolled_at
            FROM app_user u""";

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("active"), Role.fromColumn(rs, "roles"), Role.uuids(rs, "department_ids"),
                rs.getObject("second_factor_enrolled_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("second_factor_enrolled_at", OffsetDateTime.class).toInstant());
    }
}
