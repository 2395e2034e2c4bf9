package no.tilfrisk.demo;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.directory.OfferForm;
import no.tilfrisk.directory.Offers;
import no.tilfrisk.directory.OperatorKind;
import org.springframework.stereotype.Component;

/**
 * The service directory's offers of «Demo Recovery» itself (issue 19), with opening hours, so that «åpent nå»,
 * «åpent i kveld» and «åpent i helgen» find something on the demo: the seed's Oslo offers keep «åpningstider ikke
 * oppgitt», since seed 004 gives no hours and none are invented for them. These hours are the demo's own: a
 * recovery café in Skien on weekdays, two evenings and Saturday; an evening meeting place in Tønsberg every
 * evening, past midnight on Friday and Saturday; and a phone line open every hour of every day.
 */
@Component
class DemoDirectory {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private final Offers offers;

    DemoDirectory(Offers offers) {
        this.offers = offers;
    }

    void write() {
        OfferForm cafe = form("Recoverykafé Skien", "Møteplass for deg som er på vei ut av rus: kaffe, samtaler, "
                        + "turer og aktiviteter sammen med andre med egen erfaring.", List.of("meeting-place", "aftercare",
                        "activities"), List.of("former-use", "relatives"), "Skien", "Skien", "Kongens gate 10");
        for (DayOfWeek day : WEEKDAYS) {
            cafe.getHours().add(new OfferForm.Hours(day, "10:00", "15:00", false));
        }
        cafe.getHours().add(new OfferForm.Hours(DayOfWeek.TUESDAY, "18:00", "21:00", false));
        cafe.getHours().add(new OfferForm.Hours(DayOfWeek.THURSDAY, "18:00", "21:00", false));
        cafe.getHours().add(new OfferForm.Hours(DayOfWeek.SATURDAY, "12:00", "16:00", false));
        cafe.setPhone("+47 35 00 00 10");
        cafe.setAccessibility(List.of("Trinnfri inngang"));
        offers.create(UUID.randomUUID(), cafe);

        OfferForm evening = form("Kveldsåpent Tønsberg", "Et varmt måltid og noen å snakke med om kvelden, uten "
                        + "timeavtale.", List.of("meeting-place", "food"), List.of("active-use", "former-use", "homeless"),
                "Tønsberg", "Tønsberg", "Storgaten 20");
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean late = day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY;
            evening.getHours().add(new OfferForm.Hours(day, "18:00", late ? "02:00" : "23:00", late));
        }
        evening.setLanguages(List.of("nb", "en", "pl"));
        offers.create(UUID.randomUUID(), evening);

        OfferForm phone = form("Samtaletelefonen", "Noen å snakke med når det er vanskelig, hele døgnet, alle "
                        + "dager i uka.", List.of("advice", "aftercare"), List.of("former-use", "relatives"),
                "Skien", "Skien", null);
        for (DayOfWeek day : DayOfWeek.values()) {
            phone.getHours().add(new OfferForm.Hours(day, "00:00", "00:00", true));
        }
        phone.setPhone("+47 35 00 00 20");
        offers.create(UUID.randomUUID(), phone);
    }

    private static OfferForm form(String name, String description, List<String> needs, List<String> groups,
                                  String area, String municipality, String address) {
        OfferForm f = new OfferForm();
        f.setName(name);
        f.setOperatorName("Demo Recovery");
        f.setOperatorKind(OperatorKind.VOLUNTARY);
        f.setDescription(description);
        f.setNeeds(new ArrayList<>(needs));
        f.setTargetGroups(new ArrayList<>(groups));
        f.setLowThreshold(true);
        f.setFree(true);
        f.setArea(area);
        f.setMunicipality(municipality);
        f.setAddress(address);
        f.setLanguages(new ArrayList<>(List.of("nb")));
        f.setHoursKnown(true);
        return f;
    }
}
