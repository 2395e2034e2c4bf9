package no.tilfrisk.partner;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import no.tilfrisk.Demo;
import no.tilfrisk.People;
import no.tilfrisk.TestAccounts;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.account.Role;
import no.tilfrisk.account.TilfriskUser;
import no.tilfrisk.audit.AuditEntry;
import no.tilfrisk.audit.AuditTrail;
import no.tilfrisk.person.ConsentForm;
import no.tilfrisk.person.ConsentMethod;
import no.tilfrisk.person.ConsentPurpose;
import no.tilfrisk.person.Consents;
import no.tilfrisk.person.PersonLookup.PersonName;
import no.tilfrisk.plan.GoalForm;
import no.tilfrisk.plan.LifeArea;
import no.tilfrisk.plan.PlanStatus;
import no.tilfrisk.plan.Plans;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.transition.ChecklistItem;
import no.tilfrisk.transition.ItemForm;
import no.tilfrisk.transition.ItemStatus;
import no.tilfrisk.transition.ItemUpdate;
import no.tilfrisk.transition.ResponsibleKind;
import no.tilfrisk.transition.TransitionForm;
import no.tilfrisk.transition.TransitionKind;
import no.tilfrisk.transition.Transitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner's caseworker sees a person only while the person consents to share with the caseworker's partner
 * organisation, loses them at once on withdrawal, and every read shows in the person's «Hvem har sett
 * opplysningene mine»; the database holds the same rule for the person and plan tables.
 */
@TilfriskTest
class PartnerAccessTest {

    /** The demo's partner organisation «NAV Skien» (demo/DemoPartners), whose caseworker is {@link Demo#PARTNER}. */
    static final UUID NAV_SKIEN = UUID.fromString("00000000-0000-4000-8000-0000000a7001");

    @Autowired
    PartnerView view;
    @Autowired
    PartnerOrganisations partners;
    @Autowired
    People people;
    @Autowired
    Consents consents;
    @Autowired
    Plans plans;
    @Autowired
    AuditTrail audit;
    @Autowired
    Transitions transitions;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    TestAccounts testAccounts;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theCaseworkerSeesOnlyAConsentingPersonAndLosesThemAtOnceOnWithdrawal() {
        UUID sharing = people.register(DEMO_RECOVERY, "Skien", "Deler Med Nav");
        UUID other = people.register(DEMO_RECOVERY, "Skien", "Deler Ikke");
        UUID prison = people.register(DEMO_RECOVERY, "Skien", "Deler Med Fengsel");
        UUID consent = asSystem(() -> {
            plans.addGoal(UUID.randomUUID(), sharing, goal("Egen leilighet før jul"));
            plans.addGoal(UUID.randomUUID(), other, goal("Hemmelig mål"));
            give(prison, "Skien fengsel");
            return give(sharing, "nav skien"); // the name in any case
        });
        TilfriskUser nav = (TilfriskUser) accounts.loadUserByUsername(Demo.PARTNER);

        List<PersonName> listed = People.as(nav, () -> view.persons());
        assertThat(listed).extracting(PersonName::id).contains(sharing).doesNotContain(other, prison);
        PartnerView.SharedPerson page = People.as(nav, () -> view.person(sharing));
        assertThat(page.person().displayName()).isEqualTo("Deler Med Nav");
        assertThat(page.partner().name()).isEqualTo("NAV Skien");
        assertThat(page.goals()).extracting(Plans.SharedGoal::text).containsExactly("Egen leilighet før jul");
        assertThatThrownBy(() -> People.as(nav, () -> view.person(other))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(nav, () -> view.person(prison))).isInstanceOf(NotFoundException.class);

        // the database wall: the caseworker's transaction sees only the consenting person's rows
        assertThat(People.as(nav, () -> visible(sharing, other, prison))).containsExactly(sharing);
        assertThat(People.as(nav, () -> goalsOf(other))).isZero();
        assertThat(People.as(nav, () -> goalsOf(sharing))).isOne();
        assertThat(asSystem(() -> visible(sharing, other, prison))).containsExactlyInAnyOrder(sharing, other, prison);

        asSystem(() -> {
            consents.withdraw(sharing, consent, ConsentMethod.VERBAL);
            return null;
        });
        assertThatThrownBy(() -> People.as(nav, () -> view.person(sharing))).isInstanceOf(NotFoundException.class);
        assertThat(People.as(nav, () -> view.persons())).extracting(PersonName::id).doesNotContain(sharing);
        assertThat(People.as(nav, () -> visible(sharing, other, prison))).isEmpty();
        assertThat(People.as(nav, () -> goalsOf(sharing))).isZero();
    }

    @Test
    void theCaseworkerSeesTheTransitionAndChangesOnlyTheItemsTheirOrganisationAnswersForWhileConsentLasts() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Overgang Med Nav");
        UUID consent = asSystem(() -> give(person, "NAV Skien"));
        Transitions transitions = this.transitions;
        UUID mine = transitionWithItemFor(transitions, DEMO_RECOVERY, person, NAV_SKIEN);
        TilfriskUser nav = (TilfriskUser) accounts.loadUserByUsername(Demo.PARTNER);

        PartnerView.SharedPerson page = People.as(nav, () -> view.person(person));
        assertThat(page.transitions()).singleElement().satisfies(v -> {
            assertThat(v.items()).hasSizeGreaterThanOrEqualTo(9);
            ChecklistItem item = v.items().stream().filter(i -> i.id().equals(mine)).findFirst().orElseThrow();
            assertThat(page.mayUpdate(item)).isTrue();
            assertThat(page.responsibleName(v, item)).isEqualTo("NAV Skien");
            assertThat(v.items().stream().filter(page::mayUpdate)).hasSize(1);
            assertThat(v.openAlerts()).as("alerts are staff's").isEmpty();
        });
        UUID notMine = page.transitions().get(0).items().get(1).id();

        ChecklistItem saved = People.as(nav, () -> view.updateItem(person, mine,
                new ItemUpdate(ItemStatus.IN_PROGRESS, "Søknad om bostøtte sendt")));
        assertThat(saved.status()).isEqualTo(ItemStatus.IN_PROGRESS);
        assertThat(saved.note()).isEqualTo("Søknad om bostøtte sendt");
        assertThatThrownBy(() -> People.as(nav, () -> view.updateItem(person, notMine,
                new ItemUpdate(ItemStatus.IN_PLACE, "Nei")))).isInstanceOf(NotFoundException.class);
        assertThat(People.as(nav, () -> transitionRows(person))).isOne();

        asSystem(() -> {
            consents.withdraw(person, consent, ConsentMethod.VERBAL);
            return null;
        });
        assertThatThrownBy(() -> People.as(nav, () -> view.updateItem(person, mine,
                new ItemUpdate(ItemStatus.IN_PLACE, "Etter tilbaketrekking")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(nav, () -> transitions.get(page.transitions().get(0).transition().id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(People.as(nav, () -> transitionRows(person))).as("the database hides it too").isZero();
        assertThat(asSystem(() -> transitions.item(mine)).note()).isEqualTo("Søknad om bostøtte sendt");
    }

    @Test
    void anItemCannotBeGivenToAPartnerThePersonHasNotConsentedToAndNothingIsSaved() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Uten Nav Samtykke");
        UUID item = transitionWithItemFor(transitions, DEMO_RECOVERY, person, null);
        ItemForm form = new ItemForm(ItemStatus.IN_PROGRESS, ResponsibleKind.PARTNER, null, null, "Skal ikke lagres");
        form.setResponsiblePartnerOrg(NAV_SKIEN);
        assertThatThrownBy(() -> asSystem(() -> transitions.setItem(item, form)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.all())
                        .extracting(InvalidInputException::field).contains("responsiblePartnerOrg"));
        ChecklistItem unchanged = asSystem(() -> transitions.item(item));
        assertThat(unchanged.responsiblePartnerOrg()).isNull();
        assertThat(unchanged.status()).isEqualTo(ItemStatus.NOT_STARTED);
        assertThat(unchanged.note()).isNull();
    }

    @Test
    void everyReadOfTheCaseworkerShowsInThePersonsOwnViewOfWhoHasSeenTheirData() {
        UUID sharing = people.register(DEMO_RECOVERY, "Skien", "Ser Hvem Som Så");
        asSystem(() -> give(sharing, "NAV Skien"));
        TilfriskUser nav = (TilfriskUser) accounts.loadUserByUsername(Demo.PARTNER);
        People.as(nav, () -> view.persons());
        People.as(nav, () -> view.person(sharing));

        List<AuditEntry> seen = asSystem(() -> audit.accessTo(sharing, null));
        assertThat(seen).filteredOn(e -> nav.userId().equals(e.actorId())).extracting(AuditEntry::what)
                .contains("partner.persons", "partner.person");
        assertThat(seen).filteredOn(e -> nav.userId().equals(e.actorId())).extracting(AuditEntry::actorName)
                .containsOnly("Nora Nav");
    }

    @Test
    void aPartnerAccountWithoutAnActivePartnerOrganisationSeesNobodyAndStaffCannotUseThePartnerPages() {
        UUID sharing = people.register(DEMO_RECOVERY, "Skien", "Deler Med Slått Av");
        UUID partner = UUID.randomUUID();
        asSystem(() -> {
            partners.create(partner, new PartnerOrganisationForm("Slått Av Partner", PartnerKind.OTHER));
            return give(sharing, "Slått Av Partner");
        });
        UUID caseworker = asSystem(() -> partners.registerAccount(partner,
                new PartnerAccountForm("slaatt-av-" + UUID.randomUUID() + "@example.no", "Sak Behandler"), "passord-langt-nok"));
        TilfriskUser user = (TilfriskUser) accounts.loadUserByUsername(
                asSystem(() -> db.sql("SELECT email FROM app_user WHERE id = ?").param(caseworker).query(String.class).single()));
        assertThat(People.as(user, () -> view.persons())).extracting(PersonName::id).containsExactly(sharing);

        asSystem(() -> {
            partners.setActive(partner, false);
            return null;
        });
        assertThat(People.as(user, () -> view.persons())).isEmpty();
        assertThatThrownBy(() -> People.as(user, () -> view.mine())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> People.as(user, () -> view.person(sharing))).isInstanceOf(NotFoundException.class);
        assertThat(People.as(user, () -> visible(sharing))).isEmpty();

        // a PARTNER account that belongs to no partner organisation sees nobody either
        var loose = testAccounts.create(DEMO_RECOVERY, Role.PARTNER, Set.of());
        TilfriskUser looseUser = (TilfriskUser) accounts.loadUserByUsername(loose.email());
        assertThatThrownBy(() -> People.as(looseUser, () -> view.person(sharing))).isInstanceOf(NotFoundException.class);

        TilfriskUser staff = (TilfriskUser) accounts.loadUserByUsername(Demo.STAFF);
        assertThatThrownBy(() -> People.as(staff, () -> view.persons())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPartnerSignsInWithASecondFactorLikeStaff() {
        TilfriskUser partner = new TilfriskUser(UUID.randomUUID(), DEMO_RECOVERY, "p@example.no", "P", "x", true,
                Set.of(Role.PARTNER), Set.of(), false, true);
        TilfriskUser participant = new TilfriskUser(UUID.randomUUID(), DEMO_RECOVERY, "d@example.no", "D", "x", true,
                Set.of(Role.PARTICIPANT), Set.of(), false, true);
        assertThat(partner.needsSecondFactor()).isTrue();
        assertThat(participant.needsSecondFactor()).isFalse();
    }

    /**
     * A prison release in five weeks for the person, whose first checklist item (housing) is given to the partner
     * organisation if one is named (the person must consent to share with it); returns that item's id.
     */
    static UUID transitionWithItemFor(Transitions transitions, UUID organisation, UUID person, UUID partner) {
        return People.asSystem(organisation, () -> {
            UUID transition = transitions.create(UUID.randomUUID(), person, new TransitionForm(TransitionKind.PRISON_RELEASE,
                    null, LocalDate.now(Dates.OSLO).plusWeeks(5)));
            ChecklistItem item = transitions.get(transition).items().get(0);
            if (partner != null) {
                ItemForm form = new ItemForm(ItemStatus.NOT_STARTED, ResponsibleKind.PARTNER, null, null, null);
                form.setResponsiblePartnerOrg(partner);
                transitions.setItem(item.id(), form);
            }
            return item.id();
        });
    }

    private UUID give(UUID person, String partner) {
        return consents.give(person, new ConsentForm(ConsentPurpose.SHARE_WITH_PARTNER, ConsentMethod.SIGNED, null,
                partner)).id();
    }

    private List<UUID> visible(UUID... persons) {
        return tx.execute(s -> db.sql("SELECT id FROM person WHERE id = ANY(?)").param(persons).query(UUID.class).list());
    }

    private int transitionRows(UUID person) {
        return tx.execute(s -> db.sql("""
                        SELECT count(*) FROM transition_checklist_item i JOIN transition t ON t.id = i.transition_id
                         WHERE t.person_id = ?""").param(person).query(Integer.class).single() > 0 ? 1 : 0);
    }

    private int goalsOf(UUID person) {
        return tx.execute(s -> db.sql("SELECT count(*) FROM plan_goal WHERE person_id = ?").param(person)
                .query(Integer.class).single());
    }

    private static GoalForm goal(String text) {
        GoalForm form = new GoalForm();
        form.setLifeArea(LifeArea.HOUSING);
        form.setText(text);
        form.setStatus(PlanStatus.NOT_STARTED);
        return form;
    }

    private <T> T asSystem(Supplier<T> work) {
        return People.asSystem(DEMO_RECOVERY, () -> tx.execute(s -> work.get()));
    }
}
