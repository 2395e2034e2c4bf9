package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;
import no.tilfrisk.collaboration.CollaborationForm;
import no.tilfrisk.collaboration.CollaborationKind;
import no.tilfrisk.collaboration.CollaborationRegister;
import no.tilfrisk.organisation.Department;
import org.springframework.stereotype.Component;

/**
 * The demo organisation's collaboration register for last year and this year, shaped like the annual report of
 * seed 000: five councils and two user offices over both years; per year two TSB pre-meetings (11 participants in
 * all), a seminar with TSB (104), World Overdose Day and two user fairs arranged with others, seven political
 * meetings, eight board meetings and the annual meeting. This year only what has happened by today.
 */
@Component
class DemoCollaboration {

    private static final List<String> PARTIES = List.of("Høyre", "KrF", "INP", "FrP", "Arbeiderpartiet",
            "Senterpartiet", "Sosialistisk Venstreparti");

    private final CollaborationRegister register;
    private final Clock clock;

    DemoCollaboration(CollaborationRegister register, Clock clock) {
        this.clock = clock;
        this.register = register;
    }

    void write(Department skien) {
        LocalDate today = LocalDate.now(clock);
        int lastYear = today.getYear() - 1;
        LocalDate start = LocalDate.of(lastYear, 1, 1);
        council("Brukerråd", "Blå Kors avdeling Borgestad", start, skien);
        council("KPU (Kvalitet-, pasient- og sikkerhetsutvalget)", "Blå Kors", start, skien);
        council("Brukerråd", "Skien kommune", start, skien);
        council("Brukerråd", "Porsgrunn kommune", LocalDate.of(lastYear, 3, 1), null);
        council("Dialog og samarbeid", "Rustjenesten i Skien kommune", start, skien);
        office("Blå Kors avdeling Borgestad", LocalDate.of(lastYear - 2, 9, 1));
        office("Blå Kors avdeling Eina", LocalDate.of(lastYear - 1, 2, 1));
        for (int year : new int[] {lastYear, lastYear + 1}) {
            dated(year, today, CollaborationKind.SERVICE_MEETING, "TSB før-møte", "Blå Kors Borgestad", null, 5, Month.MARCH, 14, skien);
            dated(year, today, CollaborationKind.SERVICE_MEETING, "TSB før-møte", "Blå Kors Borgestad", null, 6, Month.OCTOBER, 10, skien);
            dated(year, today, CollaborationKind.SEMINAR, "Seminar om ettervern og tilfriskning", "TSB, Blå Kors", null, 104,
                    Month.NOVEMBER, 6, null);
            dated(year, today, CollaborationKind.CO_ORGANISED_EVENT, "Verdens overdosedag",
                    "Porsgrunn kommune og flere brukerorganisasjoner", "Medarrangør", 150, Month.AUGUST, 31, null);
            dated(year, today, CollaborationKind.CO_ORGANISED_EVENT, "Brukertorg", "Blå Kors", "Medarrangør", null,
                    Month.APRIL, 24, skien);
            dated(year, today, CollaborationKind.CO_ORGANISED_EVENT, "Brukertorg", "Blå Kors", "Medarrangør", null,
                    Month.OCTOBER, 23, skien);
            for (int i = 0; i < PARTIES.size(); i++) {
                dated(year, today, CollaborationKind.POLITICAL_MEETING, "Brukerperspektivet i rusomsorgen",
                        PARTIES.get(i) + ", Skien kommune", null, null, Month.of(2 + i), 12, null);
            }
            for (Month month : new Month[] {Month.JANUARY, Month.FEBRUARY, Month.MARCH, Month.MAY, Month.JUNE,
                    Month.SEPTEMBER, Month.OCTOBER, Month.DECEMBER}) {
                dated(year, today, CollaborationKind.BOARD_MEETING, null, null, null, null, month, 8, null);
            }
            dated(year, today, CollaborationKind.ANNUAL_MEETING, null, null, null, null, Month.APRIL, 15, null);
        }
    }

    private void council(String body, String where, LocalDate from, Department department) {
        CollaborationForm f = CollaborationForm.of(CollaborationKind.COUNCIL, from);
        f.setTitle(body);
        f.setPartner(where);
        f.setRole("Medlem");
        f.setDepartmentId(department == null ? null : department.id());
        register.create(UUID.randomUUID(), f);
    }

    private void office(String where, LocalDate since) {
        CollaborationForm f = CollaborationForm.of(CollaborationKind.USER_OFFICE, since);
        f.setTitle(where);
        register.create(UUID.randomUUID(), f);
    }

    private void dated(int year, LocalDate today, CollaborationKind kind, String title, String partner, String role,
                       Integer participants, Month month, int day, Department department) {
        LocalDate date = LocalDate.of(year, month, day);
        if (date.isAfter(today)) {
            return;
        }
        CollaborationForm f = CollaborationForm.of(kind, date);
        f.setTitle(title);
        f.setPartner(partner);
        f.setRole(role);
        f.setParticipants(participants);
        f.setDepartmentId(department == null ? null : department.id());
        register.create(UUID.randomUUID(), f);
    }
}
