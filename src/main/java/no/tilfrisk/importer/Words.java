package no.tilfrisk.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
        for (PersonRole role : PersonRole.values()) {
            roles.put(Cells.nameKey(role.name()), role);
            for (Locale locale : LANGUAGES) {
                roles.put(Cells.nameKey(messages.getMessage("personRole." + role.name(), null, role.name(), locale)), role);
            }
        }
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
