package no.tilfrisk.demo;

import java.time.Clock;
import java.time.LocalDate;
import no.tilfrisk.report.NarrativeSection;
import no.tilfrisk.report.ReportNarratives;
import org.springframework.stereotype.Component;

/**
 * The written parts of last year's annual report of the whole demo organisation, in the words of seed 000 (the
 * figures come from the other demo data), and the start of this year's introduction.
 */
@Component
class DemoReports {

    private final ReportNarratives narratives;
    private final Clock clock;

    DemoReports(ReportNarratives narratives, Clock clock) {
        this.clock = clock;
        this.narratives = narratives;
    }

    void write() {
        int lastYear = LocalDate.now(clock).getYear() - 1;
        narratives.save(lastYear, null, NarrativeSection.INTRODUCTION, """
                Denne årsrapporten gir en samlet oversikt over Demo Recovery sin virksomhet i rapporteringsåret. \
                Rapporten beskriver aktivitet, deltakelse, resultater, samarbeid og samfunnsnytte.

                Arbeidet bygger på **lavterskeltilbud**, trygghet, relasjonsbygging og aktiv brukermedvirkning, \
                i Skien, Tønsberg og Stavanger.""");
        narratives.save(lastYear, null, NarrativeSection.ABOUT, """
                Demo Recovery er en frivillig aktør innen rus- og psykisk helsefeltet, med mål om å skape trygge \
                møteplasser og støtte mennesker i rehabilitering, stabilisering og ettervern.

                Virksomheten kjennetegnes av:

                - lav terskel og høy tilgjengelighet
                - forutsigbare møteplasser
                - fokus på fellesskap, mestring og verdighet
                - tydelig brukermedvirkning""");
        narratives.save(lastYear, null, NarrativeSection.FOLLOWUP, """
                Samtalene brukes til støtte i krevende situasjoner, motivasjon for rusmestring og hjelp i \
                overgangsfaser, før, under og etter behandling. Telefon, e-post og meldinger telles opp per måned.""");
        narratives.save(lastYear, null, NarrativeSection.CLOSING, """
                Året viser at Demo Recovery er en stabil og viktig aktør. Vi vil videreutvikle tilbudene, styrke \
                samarbeidet med kommuner og fagmiljøer, og nå flere som trenger trygge møteplasser og støtte.""");
        narratives.save(lastYear + 1, null, NarrativeSection.INTRODUCTION, """
                *Utkast.* Årets rapport skrives gjennom året.""");
    }
}
