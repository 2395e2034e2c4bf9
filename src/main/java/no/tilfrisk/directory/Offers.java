package no.tilfrisk.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import no.tilfrisk.platform.tenancy.Tenancy;
import no.tilfrisk.platform.tenancy.TenantPrincipal;
import no.tilfrisk.platform.web.InvalidInputException;
import no.tilfrisk.platform.web.NotFoundException;
import no.tilfrisk.platform.web.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's offers: the public search and offer page (anyone, signed in or not: an offer holds nobody's
 * personal data), and the keeping of them. An organisation's admin or directory editor keeps the organisation's
 * own offers; a directory editor also keeps the network's shared entries, in a transaction marked for them
 * ({@code app.directory_shared}, which row-level security asks for). Every change is kept with who and when.
 */
@Service
public class Offers {

    /** An offer not confirmed for this long is listed for review. */
    public static final int REVIEW_MONTHS = 6;

    private final OfferRecords records;
    private final PublicLists lists;
    private final JdbcClient db;
    private final Clock clock;

    Offers(OfferRecords records, PublicLists lists, JdbcClient db, Clock clock) {
        this.records = records;
        this.lists = lists;
        this.db = db;
        this.clock = clock;
    }

    /** The filters' choices: the areas and the languages the published offers name, sorted. */
    public record Filters(List<String> areas, List<String> languages) {
    }

    /** The public search page: its results and the filters' choices. */
    public record SearchPage(ResultPage<OfferSummary> result, Filters filters) {
    }

    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public ResultPage<OfferSummary> search(OfferSearch search) {
        return find(search);
    }

    /**
     * The public search page in one read-only transaction. {@code notModified} is asked first with when any offer
     * last changed (the page's validator): where the caller's copy is still good nothing is searched and the
     * answer is empty. The filters' choices come from the cache ({@link PublicLists}).
     */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<SearchPage> searchPage(OfferSearch search, Predicate<Optional<OffsetDateTime>> notModified) {
        if (notModified.test(Optional.ofNullable(records.lastChange()))) {
            return Optional.empty();
        }
        return Optional.of(new SearchPage(find(search), lists.filters()));
    }

    /** The filters' choices alone (a search refused for its input, the guided search's questions). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Filters filters() {
        return lists.filters();
    }

    private ResultPage<OfferSummary> find(OfferSearch search) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<no.tilfrisk.directory.DayWindow> filter = search.open() == null ? List.of() : search.open().windows(now);
        return records.search(search, filter, OpenWhen.NOW.windows(now), Optional.empty());
    }

    /** A published offer, or one of the caller's own organisation; else «not found». */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Offer get(UUID id) {
        return records.find(id).orElseThrow(() -> new NotFoundException("offer"));
    }

    /** When any offer last changed: the validator of the public lists. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> lastChange() {
        return Optional.ofNullable(records.lastChange());
    }

    /** Every published offer with its hours (the exports). */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public List<Offer> published() {
        return records.published();
    }

    /**
     * Imports HSDS 3.0 services as the caller's organisation's offers: a service whose id the caller already
     * keeps is changed, any other is added (under an id derived from the organisation and the service's, when the
     * service's own id is taken). All or nothing. Returns the ids of the offers written.
     */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional
    public List<UUID> importHsds(List<Hsds.Imported> services) {
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        UUID organisation = Tenancy.requireOrganisationId();
        List<UUID> written = new ArrayList<>();
        List<InvalidInputException> broken = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Hsds.Imported s = services.get(i);
            OfferRules.Parsed parsed;
            try {
                parsed = OfferRules.parse(s.form());
            } catch (InvalidInputException e) {
                for (InvalidInputException each : e.all()) {
                    broken.add(new InvalidInputException("services[" + i + "]." + each.field(), each.code(), each.args()));
                }
                continue;
            }
            Optional<Offer> existing = records.find(s.id());
            if (existing.isPresent() && keeps(existing.get()) && !existing.get().shared()) {
                Offer before = existing.get();
                records.update(s.id(), organisation, before.version(), s.form(), parsed, s.assured(), me.userId());
                Offer after = records.find(s.id()).orElseThrow();
                records.recordChange(s.id(), organisation, "IMPORTED", changedFields(before, after), me.userId(), me.displayName());
                written.add(s.id());
                continue;
            }
            UUID id = existing.isPresent() || records.exists(s.id())
                    ? java.util.UUID.nameUUIDFromBytes((organisation + ":" + s.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : s.id();
            if (records.insert(id, organisation, "HSDS", s.form(), parsed, s.figures(), s.assured(), me.userId())) {
                records.recordChange(id, organisation, "IMPORTED", List.of(), me.userId(), me.displayName());
            }
            written.add(id);
        }
        InvalidInputException.throwIfAny(broken);
        return written;
    }

    /** Whether the offer is open now, by the clock, in Oslo. */
    public boolean openNow(Offer offer) {
        return offer.hours().open(OpenWhen.NOW, LocalDateTime.now(clock));
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional
    public UUID create(UUID id, OfferForm form) {
        OfferRules.Parsed parsed = OfferRules.parse(form);
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        UUID organisation = form.isShared() ? null : Tenancy.requireOrganisationId();
        if (form.isShared()) {
            requireEditor(me);
            markShared();
        }
        if (records.insert(id, organisation, "MANUAL", form, parsed, null, LocalDate.now(clock), me.userId())) {
            records.recordChange(id, organisation, "CREATED", List.of(), me.userId(), me.displayName());
        }
        return id;
    }

    /** Changes an offer the caller keeps, if nobody changed it since {@code version}. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional
    public void update(UUID id, int version, OfferForm form) {
        Offer before = requireKept(id);
        OfferRules.Parsed parsed = OfferRules.parse(form);
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        if (!records.update(id, before.organisationId(), version, form, parsed, LocalDate.now(clock), me.userId())) {
            throw new InvalidInputException("version", "directory.error.changedMeanwhile");
        }
        Offer after = records.find(id).orElseThrow();
        records.recordChange(id, before.organisationId(), "CHANGED", changedFields(before, after), me.userId(), me.displayName());
    }

    /** The keeper says the offer is still as written: its «sist bekreftet» becomes today. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional
    public void confirm(UUID id) {
        Offer offer = requireKept(id);
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        records.confirm(id, LocalDate.now(clock), me.userId());
        records.recordChange(id, offer.organisationId(), "CONFIRMED", List.of(), me.userId(), me.displayName());
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional(readOnly = true)
    public Offer forEditing(UUID id) {
        return requireKept(id);
    }

    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional(readOnly = true)
    public List<OfferChange> history(UUID id) {
        requireKept(id);
        return records.history(id);
    }

    /** The offers the caller keeps that nobody confirmed for {@value #REVIEW_MONTHS} months. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional(readOnly = true)
    public List<OfferSummary> forReview() {
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        boolean editor = isEditor(me);
        if (editor) {
            markShared();
        }
        return records.unconfirmedSince(LocalDate.now(clock).minusMonths(REVIEW_MONTHS), me.organisationId(), editor);
    }

    /** The offers the caller keeps. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN', 'DIRECTORY_EDITOR')")
    @Transactional(readOnly = true)
    public List<OfferSummary> kept() {
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        boolean editor = isEditor(me);
        if (editor) {
            markShared();
        }
        return records.kept(me.organisationId(), editor);
    }

    /** The offer as its form, for the edit page: the week's intervals and the dates, each a row. */
    public static OfferForm formOf(Offer o) {
        OfferForm f = new OfferForm();
        f.setName(o.name());
        f.setOperatorName(o.operatorName());
        f.setOperatorKind(o.operatorKind());
        f.setDescription(o.description());
        f.setNeeds(new ArrayList<>(o.needs().stream().map(Need::code).toList()));
        f.setTargetGroups(new ArrayList<>(o.targetGroups().stream().map(TargetGroup::code).toList()));
        f.setTargetText(o.targetText());
        f.setLowThreshold(o.lowThreshold());
        f.setReferralFrom(o.referralFrom());
        f.setFree(o.free());
        f.setCost(o.cost());
        f.setAddress(o.address());
        f.setArea(o.area());
        f.setMunicipality(o.municipality());
        f.setPhone(o.phone());
        f.setWeb(o.web());
        f.setLanguages(new ArrayList<>(o.languages()));
        f.setAccessibility(new ArrayList<>(o.accessibility()));
        f.setCapacity(o.capacity());
        f.setHoursKnown(o.hours().known());
        List<OfferForm.Hours> hours = new ArrayList<>();
        o.hours().week().forEach(h -> hours.add(new OfferForm.Hours(h.weekday(), h.opens().toString(), h.closes().toString(), h.pastMidnight())));
        f.setHours(hours);
        List<OfferForm.Exception> dates = new ArrayList<>();
        o.hours().exceptions().forEach(d -> dates.add(new OfferForm.Exception(d.date().toString(), d.closed(),
                d.opens() == null ? null : d.opens().toString(), d.closes() == null ? null : d.closes().toString(),
                d.pastMidnight(), d.note())));
        f.setExceptions(dates);
        f.setPublished(o.published());
        f.setShared(o.shared());
        return f;
    }

    /** Whether the signed-in caller may change this offer (for the page's buttons). */
    public boolean keeps(Offer offer) {
        return Tenancy.currentPrincipal().map(me -> offer.shared() ? isEditor(me)
                : offer.organisationId().equals(me.organisationId())
                  && (me.roleNames().contains("ORG_ADMIN") || isEditor(me))).orElse(false);
    }

    private Offer requireKept(UUID id) {
        TenantPrincipal me = Tenancy.currentPrincipal().orElseThrow();
        if (isEditor(me)) {
            markShared();
        }
        Offer offer = records.find(id).orElseThrow(() -> new NotFoundException("offer"));
        if (!keeps(offer)) {
            throw new NotFoundException("offer");
        }
        return offer;
    }

    private static boolean isEditor(TenantPrincipal me) {
        return me.roleNames().contains("DIRECTORY_EDITOR");
    }

    private static void requireEditor(TenantPrincipal me) {
        if (!isEditor(me)) {
            throw new InvalidInputException("shared", "directory.error.sharedEditorOnly");
        }
    }

    /** Lets this transaction write the network's shared entries (row-level security asks for the mark). */
    void markShared() {
        db.sql("SELECT set_config('app.directory_shared', 'on', true)").query(String.class).single();
    }

    static List<String> changedFields(Offer a, Offer b) {
        Map<String, Object[]> pairs = new java.util.LinkedHashMap<>();
        pairs.put("name", new Object[] {a.name(), b.name()});
        pairs.put("operatorName", new Object[] {a.operatorName(), b.operatorName()});
        pairs.put("operatorKind", new Object[] {a.operatorKind(), b.operatorKind()});
        pairs.put("description", new Object[] {a.description(), b.description()});
        pairs.put("needs", new Object[] {a.needs(), b.needs()});
        pairs.put("targetGroups", new Object[] {a.targetGroups(), b.targetGroups()});
        pairs.put("targetText", new Object[] {a.targetText(), b.targetText()});
        pairs.put("lowThreshold", new Object[] {a.lowThreshold(), b.lowThreshold()});
        pairs.put("referralFrom", new Object[] {a.referralFrom(), b.referralFrom()});
        pairs.put("free", new Object[] {a.free(), b.free()});
        pairs.put("cost", new Object[] {a.cost(), b.cost()});
        pairs.put("address", new Object[] {a.address(), b.address()});
        pairs.put("area", new Object[] {a.area(), b.area()});
        pairs.put("municipality", new Object[] {a.municipality(), b.municipality()});
        pairs.put("phone", new Object[] {a.phone(), b.phone()});
        pairs.put("web", new Object[] {a.web(), b.web()});
        pairs.put("languages", new Object[] {a.languages(), b.languages()});
        pairs.put("accessibility", new Object[] {a.accessibility(), b.accessibility()});
        pairs.put("capacity", new Object[] {a.capacity(), b.capacity()});
        pairs.put("hours", new Object[] {a.hours(), b.hours()});
        pairs.put("published", new Object[] {a.published(), b.published()});
        List<String> changed = new ArrayList<>();
        pairs.forEach((field, pair) -> {
            if (!Objects.equals(pair[0], pair[1])) {
                changed.add(field);
            }
        });
        return changed;
    }
}
