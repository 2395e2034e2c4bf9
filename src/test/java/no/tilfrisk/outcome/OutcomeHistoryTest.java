package no.tilfrisk.outcome;

import static no.tilfrisk.Demo.DEMO_RECOVERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.tilfrisk.People;
import no.tilfrisk.TilfriskTest;
import no.tilfrisk.platform.web.Dates;
import no.tilfrisk.platform.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many responses at once are saved as one by one would be (answers, score, trail), or none when one is broken. */
@TilfriskTest
class OutcomeHistoryTest {

    static final LocalDate TODAY = LocalDate.now(Dates.OSLO);

    @Autowired
    OutcomeHistory history;
    @Autowired
    Outcomes outcomes;
    @Autowired
    People people;

    @Test
    void savesEachResponseAsRecordWouldAndLeavesAnEarlierIdAsItIs() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Historikk " + UUID.randomUUID().toString().substring(0, 6));
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        People.asSystem(DEMO_RECOVERY, () -> {
            history.recordAll(List.of(
                    new OutcomeHistory.Answered(one, person, ResponseForm.of("livskvalitet", TODAY.minusDays(30), Map.of("satisfaction", 4))),
                    new OutcomeHistory.Answered(two, person, ResponseForm.of("meningsfullt-liv", TODAY.minusDays(2), Map.of("meaning", 7)))));
            // the same id again, with other answers: left as it is
            history.recordAll(List.of(
                    new OutcomeHistory.Answered(one, person, ResponseForm.of("livskvalitet", TODAY.minusDays(30), Map.of("satisfaction", 9)))));
            return null;
        });
        List<Response> saved = People.asSystem(DEMO_RECOVERY, () -> outcomes.ofPerson(person));
        assertThat(saved).extracting(Response::id).containsExactly(two, one);
        assertThat(saved.get(1).answers()).isEqualTo(Map.of("satisfaction", 4));
        // the same score as the same answers recorded one by one
        UUID other = people.register(DEMO_RECOVERY, "Skien", "Enkeltvis " + UUID.randomUUID().toString().substring(0, 6));
        Response single = People.asSystem(DEMO_RECOVERY, () -> outcomes.record(UUID.randomUUID(), other,
                ResponseForm.of("livskvalitet", TODAY.minusDays(30), Map.of("satisfaction", 4))));
        assertThat(saved.get(1).score()).isEqualTo(single.score());
        assertThat(saved.get(1).entryMethod()).isEqualTo(single.entryMethod());
        assertThat(saved.get(0).answers()).isEqualTo(Map.of("meaning", 7));
    }

    @Test
    void oneBrokenFormSavesNone() {
        UUID person = people.register(DEMO_RECOVERY, "Skien", "Historikk " + UUID.randomUUID().toString().substring(0, 6));
        assertThatThrownBy(() -> People.asSystem(DEMO_RECOVERY, () -> {
            history.recordAll(List.of(
                    new OutcomeHistory.Answered(UUID.randomUUID(), person, ResponseForm.of("livskvalitet", TODAY, Map.of("satisfaction", 4))),
                    new OutcomeHistory.Answered(UUID.randomUUID(), person, ResponseForm.of("livskvalitet", TODAY.plusDays(3), Map.of("satisfaction", 5)))));
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("outcome.answeredOn.future");
        assertThat(People.asSystem(DEMO_RECOVERY, () -> outcomes.ofPerson(person))).isEmpty();
    }
}
