package no.tilfrisk.activity;

import java.util.UUID;

/** One of the organisation's kinds of activity: built in (a code, named in the message files) or its own (a name). */
public record ActivityKind(UUID id, String code, String name) {

    /** The message key of a built-in kind, for pages that show it in the reader's language. */
    public String messageKey() {
        return code == null ? null : "activityKind." + code;
    }
}
