package no.tilfrisk.directory;

import static no.tilfrisk.Demo.DEMO_RECOVERY;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.People;

/**
 * Three hand-made offers of the demo organisation, their names sharing a fresh word so a search finds only them:
 * a day centre (weekdays 09–16, Tuesday and Thursday evenings, Christmas Eve 09–12; food and advice; for people in
 * active use; low threshold and free; Gamle Oslo; Norwegian and English), a weekend café (Saturday and Sunday
 * 11–15, open on Easter Monday 2027 12–16; meeting place and aftercare; former use; free, by referral from NAV;
 * Sentrum) and a night shelter (Friday 20–02 and Wednesday 22–03, past midnight; shelter; homeless; low
 * threshold, not free; Sentrum; Polish). The hours are {@link OpenNowTest}'s.
 */
record DirectoryFixtures(String word, UUID dayCentre, UUID weekendCafe, UUID nightShelter) {

    static DirectoryFixtures create(Offers offers) {
        String word = "prøve" + UUID.randomUUID().toString().substring(0, 8);
        return People.asSystem(DEMO_RECOVERY, () -> new DirectoryFixtures(word,
                offers.create(UUID.randomUUID(), dayCentre(word)),
                offers.create(UUID.randomUUID(), weekendCafe(word)),
                offers.create(UUID.randomUUID(), nightShelter(word))));
    }

    static OfferForm dayCentre(String word) {
        OfferForm f = form("Dagsenter " + word, List.of("food", "advice"), List.of("active-use"), true, true, "Gamle Oslo");
        f.setLanguages(List.of("nb", "en"));
        f.setHours(List.of(h(DayOfWeek.MONDAY, "09:00", "16:00"), h(DayOfWeek.TUESDAY, "09:00", "16:00"),
                h(DayOfWeek.WEDNESDAY, "09:00", "16:00"), h(DayOfWeek.THURSDAY, "09:00", "16:00"),
                h(DayOfWeek.FRIDAY, "09:00", "16:00"), h(DayOfWeek.TUESDAY, "18:00", "21:00"),
                h(DayOfWeek.THURSDAY, "18:00", "21:00")));
        f.setExceptions(List.of(new OfferForm.Exception("2026-12-24", false, "09:00", "12:00", false, "julaften")));
        f.setPhone("+47 22 00 00 00");
        f.setWeb("https://dagsenter.example.org");
        return f;
    }

    static OfferForm weekendCafe(String word) {
        OfferForm f = form("Helgekafé " + word, List.of("meeting-place", "aftercare"), List.of("former-use"), false, true, "Sentrum");
        f.setReferralFrom("NAV");
        f.setHours(List.of(h(DayOfWeek.SATURDAY, "11:00", "15:00"), h(DayOfWeek.SUNDAY, "11:00", "15:00")));
        f.setExceptions(List.of(new OfferForm.Exception("2027-03-29", false, "12:00", "16:00", false, "2. påskedag")));
        return f;
    }

    static OfferForm nightShelter(String word) {
        OfferForm f = form("Nattåpent " + word, List.of("shelter"), List.of("homeless"), true, false, "Sentrum");
        f.setLanguages(List.of("pl"));
        f.setHours(List.of(new OfferForm.Hours(DayOfWeek.FRIDAY, "20:00", "02:00", true),
                new OfferForm.Hours(DayOfWeek.WEDNESDAY, "22:00", "03:00", true)));
        return f;
    }

    static OfferForm form(String name, List<String> needs, List<String> groups, boolean lowThreshold, boolean free, String area) {
        OfferForm f = new OfferForm();
        f.setName(name);
        f.setOperatorName("Testdrift");
        f.setOperatorKind(OperatorKind.VOLUNTARY);
        f.setDescription("Et tilbud til testene");
        f.setNeeds(needs);
        f.setTargetGroups(groups);
        f.setLowThreshold(lowThreshold);
        f.setFree(free);
        f.setArea(area);
        f.setMunicipality("Oslo");
        f.setHoursKnown(true);
        return f;
    }

    static OfferForm.Hours h(DayOfWeek day, String opens, String closes) {
        return new OfferForm.Hours(day, opens, closes, false);
    }
}
