package no.tilfrisk.volunteer.internal;

import java.util.List;
import no.tilfrisk.volunteer.matching.Reason;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The matcher's reasons in the reader's language, through the message files. */
@Component
class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(Reason r) {
        return messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), LocaleContextHolder.getLocale());
    }

    /** The reasons joined as one sentence: «begge liker fiske; begge kan tirsdag kveld». */
    String sentence(List<Reason> reasons) {
        return String.join("; ", reasons.stream().map(this::text).toList());
    }
}
