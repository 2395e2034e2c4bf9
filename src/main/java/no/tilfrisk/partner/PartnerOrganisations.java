package no.tilfrisk.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.UserAccounts;
import no.tilfrisk.account.UserForm;
import no.tilfrisk.person.ConsentCheck;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of partner organisations (NAV Skien, Skien kommune, an institution, the prison service) and their
 * caseworkers' PARTNER accounts. A person's consent to share with a partner names the organisation as it is
 * registered here (compared without regard to case). Organisation records, not personal data.
 */
@Service
public class PartnerOrganisations {

    private final JdbcClient db;
    private final UserAccounts users;
    private final ConsentCheck consents;

    PartnerOrganisations(JdbcClient db, UserAccounts users, ConsentCheck consents) {
        this.db = db;
        this.users = users;
        this.consents = consents;
    }

    /** Every partner organisation, active first, by name. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public List<PartnerOrganisation> list() {
        return all();
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'COORDINATOR', 'STAFF')")
    @Transactional(readOnly = true)
    public PartnerOrganisation get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Partner organisation"));
    }

    /** Registers a partner organisation; a second post of the same form creates nothing more. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UUID create(UUID formId, PartnerOrganisationForm form) {
        List<InvalidInputException> broken = new ArrayList<>();
        String name = form.getName() == null ? "" : form.getName().strip();
        if (name.isEmpty()) {
            broken.add(new InvalidInputException("name", "partner.name.required"));
        }
        if (form.getKind() == null) {
            broken.add(new InvalidInputException("kind", "partner.kind.required"));
        }
        InvalidInputException.throwIfAny(broken);
        if (find(formId).isPresent()) {
            return formId;
        }
        if (byName(name).isPresent()) {
            throw new InvalidInputException("name", "partner.name.taken");
        }
        db.sql("""
                        INSERT INTO partner_organisation (id, organisation_id, name, kind, created_by)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(formId, Tenancy.requireOrganisationId(), name, form.getKind().name(), caller())
                .update();
        return formId;
    }

    /** The register for its keeper: every partner organisation, active first, by name. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public List<PartnerOrganisation> register() {
        return list();
    }

    /**
     * Changes a partner organisation's name, kind and (if given) whether it is active. Consents name a partner
     * organisation by its name, so a new name is refused while a consent in force names the old one (it would end
     * that sharing without the person's say). Field by field; nothing is saved on a broken rule.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public PartnerOrganisation update(UUID id, PartnerOrganisationForm form) {
        PartnerOrganisation current = get(id);
        List<InvalidInputException> broken = new ArrayList<>();
        String name = form.getName() == null ? "" : form.getName().strip();
        if (name.isEmpty()) {
            broken.add(new InvalidInputException("name", "partner.name.required"));
        } else if (name.length() > 200) {
            broken.add(new InvalidInputException("name", "partner.name.size"));
        } else if (!name.equalsIgnoreCase(current.name())) {
            if (byName(name).isPresent()) {
                broken.add(new InvalidInputException("name", "partner.name.taken"));
            } else if (!consents.sharingWith(current.name()).isEmpty()) {
                broken.add(new InvalidInputException("name", "partner.name.consented"));
            }
        }
        if (form.getKind() == null) {
            broken.add(new InvalidInputException("kind", "partner.kind.required"));
        }
        InvalidInputException.throwIfAny(broken);
        boolean active = form.getActive() == null ? current.active() : form.getActive();
        db.sql("UPDATE partner_organisation SET name = ?, kind = ?, active = ? WHERE id = ? AND organisation_id = ?")
                .params(name, form.getKind().name(), active, id, Tenancy.requireOrganisationId()).update();
        return get(id);
    }

    /** Turns a partner organisation off (its caseworkers then see nobody) or on again. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public void setActive(UUID id, boolean active) {
        get(id);
        db.sql("UPDATE partner_organisation SET active = ? WHERE id = ? AND organisation_id = ?")
                .params(active, id, Tenancy.requireOrganisationId()).update();
    }

    /** A caseworker's new account at the partner organisation, with a temporary password to hand over. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UserAccounts.TemporaryPassword createAccount(UUID partnerId, PartnerAccountForm form) {
        get(partnerId);
        UserAccounts.TemporaryPassword account = users.create(userForm(form));
        link(account.userId(), partnerId);
        return account;
    }

    /** An account with a known password, for set-up (the demo's nav@demo.tilfrisk.no). */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional
    public UUID registerAccount(UUID partnerId, PartnerAccountForm form, String password) {
        get(partnerId);
        UUID user = users.register(userForm(form), password);
        link(user, partnerId);
        return user;
    }

    /** The caseworkers' accounts of a partner organisation: id → name. */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public Map<UUID, String> accounts(UUID partnerId) {
        List<UUID> ids = db.sql("SELECT user_id FROM partner_account WHERE partner_organisation_id = ? AND organisation_id = ?")
                .params(partnerId, Tenancy.requireOrganisationId()).query(UUID.class).list();
        return users.names(Set.copyOf(ids));
    }

    /** The partner organisation of a PARTNER account, if it has one and it is active. */
    @Transactional(readOnly = true)
    public Optional<PartnerOrganisation> of(TenantPrincipal user) {
        if (!user.hasRole(Role.PARTNER.name())) {
            return Optional.empty();
        }
        return db.sql(SELECT + """
                         WHERE organisation_id = ? AND active
                           AND id = (SELECT partner_organisation_id FROM partner_account WHERE user_id = ?)""")
                .params(Tenancy.requireOrganisationId(), user.userId()).query(PartnerOrganisation.class).optional();
    }

    /**
     * The active partner organisations this person consents to share with now: the choices for who may be
     * responsible for a checklist item or sit in the responsibility group.
     */
    @Transactional(readOnly = true)
    public List<PartnerOrganisation> withConsentOf(UUID personId) {
        Set<String> names = consents.partnersOf(personId).stream().map(n -> n.strip().toLowerCase())
                .collect(Collectors.toSet());
        if (names.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + " WHERE organisation_id = ? AND active ORDER BY lower(name), id")
                .param(Tenancy.requireOrganisationId()).query(PartnerOrganisation.class).list().stream()
                .filter(p -> names.contains(p.name().toLowerCase())).toList();
    }

    /** Every partner organisation, active first, by name: for the consent form's choice (names are not secret). */
    @Transactional(readOnly = true)
    public List<PartnerOrganisation> all() {
        return db.sql(SELECT + " WHERE organisation_id = ? ORDER BY NOT active, lower(name), id")
                .param(Tenancy.requireOrganisationId()).query(PartnerOrganisation.class).list();
    }

    /** The names of these partner organisations, for display. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.sql(SELECT + " WHERE organisation_id = ? AND id = ANY(?)")
                .params(Tenancy.requireOrganisationId(), ids.toArray(UUID[]::new)).query(PartnerOrganisation.class)
                .list().stream().collect(Collectors.toMap(PartnerOrganisation::id, PartnerOrganisation::name));
    }

    private Optional<PartnerOrganisation> find(UUID id) {
        return db.sql(SELECT + " WHERE id = ? AND organisation_id = ?")
                .params(id, Tenancy.requireOrganisationId()).query(PartnerOrganisation.class).optional();
    }

    private Optional<PartnerOrganisation> byName(String name) {
        return db.sql(SELECT + " WHERE organisation_id = ? AND lower(name) = lower(?)")
                .params(Tenancy.requireOrganisationId(), name).query(PartnerOrganisation.class).optional();
    }

    private void link(UUID user, UUID partnerId) {
        db.sql("INSERT INTO partner_account (user_id, organisation_id, partner_organisation_id) VALUES (?, ?, ?)")
                .params(user, Tenancy.requireOrganisationId(), partnerId).update();
    }

    private static UserForm userForm(PartnerAccountForm form) {
        return new UserForm(form.getEmail(), form.getDisplayName(), Set.of(Role.PARTNER), Set.of());
    }

    private static UUID caller() {
        return Tenancy.currentPrincipal().map(TenantPrincipal::userId).orElse(null);
    }

    private static final String SELECT = "SELECT id, name, kind, active FROM partner_organisation ";
}
