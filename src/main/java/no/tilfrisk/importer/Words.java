package no.tilfrisk.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tilfrisk.followup.ContactType;
import no.tilfrisk.followup.EscortKind;
import no.tilfrisk.person.PersonRole;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words a file may use for a role (its name in bokmål or English, as the pages show it, or the code) and the
 * headings that suggest a field, from the message files.
 */
@Component
class Words {

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nb"), Locale.ENGLISH);
    private final Map<String, PersonRole> roles = new HashMap<>();
    private final Map<String, ContactType> contactTypes = new HashMap<>();
    private final Map<String, EscortKind> escortKinds = new HashMap<>();
    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
        words(messages, "contactType.", ContactType.values(), contactTypes);
        words(messages, "escortKind.", EscortKind.values(), escortKinds);
        words(messages, "personRole.", PersonRole.values(), roles);
    }

    private static <E extends Enum<E>> void words(MessageSource messages, String prefix, E[] values, Map<String, E> into) {
        for (E value : values) {
            into.put(Cells.nameKey(value.name()), value);
            for (Locale locale : LANGUAGES) {
                into.put(Cells.nameKey(messages.getMessage(prefix + value.name(), null, value.name(), locale)), value);
            }
        }
    }

    /** A contact type by its name in bokmål or English (as the contact form shows it) or its code; null if none. */
    ContactType contactType(String text) {
        return contactTypes.get(Cells.nameKey(text));
    }

    /** Where an escort went, likewise. */
    EscortKind escortKind(String text) {
        return escortKinds.get(Cells.nameKey(text));
    }

    /** The reason an undone import's contacts and tallies are voided with, in the undoer's language. */
    String undoReason(String fileName) {
        return messages.getMessage("import.undo.reason", new Object[] {fileName},
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    PersonRole role(String text) {
        return roles.get(Cells.nameKey(text));
    }

    /** The field's label in both languages, to guess a mapping from a file's headings. */
    Map<String, List<String>> headings(ImportKind kind) {
        Map<String, List<String>> words = new HashMap<>();
        for (String field : kind.fields()) {
            words.put(field, LANGUAGES.stream()
                    .map(l -> messages.getMessage("import.field." + field, null, field, l)).toList());
        }
        return words;
    }
}
