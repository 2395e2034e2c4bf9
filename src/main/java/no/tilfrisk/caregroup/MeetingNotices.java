package no.tilfrisk.caregroup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.tilfrisk.caregroup.CareGroupRecords.MemberRow;
import no.tilfrisk.notification.Channel;
import no.tilfrisk.notification.Notice;
import no.tilfrisk.notification.Notifications;
import no.tilfrisk.notification.Outcome;
import org.springframework.stereotype.Component;

/**
 * The notice that a meeting of the responsibility group is set (today or later), through the notification module:
 * fixed words with the date only («Du er invitert til et møte i ansvarsgruppen 12.01.2027»), never what it is about.
 * The person and a relative get it by each channel they consent to (the notification module reads the consent);
 * a staff member or coordinator by e-mail when their membership says so; a partner organisation is no one to send
 * to. Each notice's id follows from the meeting, the member and the channel, so it is never sent twice.
 */
@Component
class MeetingNotices {

    static final String KIND = "caregroup.meeting";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Locale NB = Locale.forLanguageTag("nb");

    private final Notifications notifications;
    private final Clock clock;

    MeetingNotices(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Sends the notices of a meeting just set; returns how many went out now. A past meeting sends nothing. */
    int meetingSet(UUID meetingId, LocalDate heldOn, UUID personId, List<MemberRow> members) {
        if (heldOn.isBefore(LocalDate.now(clock))) {
            return 0;
        }
        Notice notice = Notice.of(KIND, "notification.careMeeting.subject", "notification.careMeeting.text",
                DATE.format(heldOn));
        int sent = 0;
        for (MemberRow m : members) {
            switch (m.kind()) {
                case PERSON -> sent += toPerson(meetingId, m, personId, notice);
                case RELATIVE -> sent += toPerson(meetingId, m, m.relativeId(), notice);
                case STAFF, COORDINATOR -> {
                    if (m.notifyEmail() && notifications.toUser(id(meetingId, m, Channel.EMAIL), m.userId(), notice, NB)
                            == Outcome.SENT) {
                        sent++;
                    }
                }
                case PARTNER -> { }
            }
        }
        return sent;
    }

    private int toPerson(UUID meetingId, MemberRow m, UUID personId, Notice notice) {
        int sent = 0;
        for (Channel channel : Channel.values()) {
            if (notifications.toPerson(id(meetingId, m, channel), personId, channel, notice, NB) == Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }

    static UUID id(UUID meetingId, MemberRow m, Channel channel) {
        return UUID.nameUUIDFromBytes((KIND + ":" + meetingId + ":" + m.id() + ":" + channel)
                .getBytes(StandardCharsets.UTF_8));
    }
}
