package no.tilfrisk.collaboration;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of record in the collaboration register, and which of the record's fields each kind uses. The date
 * ({@code startsOn}) is always needed; a field a kind does not use is dropped when the record is saved.
 */
public enum CollaborationKind {
    /** A council or committee the organisation sits in: brukerråd, KPU. Title: the body; partner: where. */
    COUNCIL(true, EnumSet.of(Field.TITLE, Field.PARTNER, Field.ROLE), Field.TITLE),
    /** A user office (brukerkontor). Title: where. */
    USER_OFFICE(true, EnumSet.of(Field.TITLE), Field.TITLE),
    /** A meeting with a specialist or municipal service. Title: the kind of meeting (TSB før-møte). */
    SERVICE_MEETING(false, EnumSet.of(Field.TITLE, Field.PARTNER, Field.PARTICIPANTS), Field.TITLE),
    SEMINAR(false, EnumSet.of(Field.TITLE, Field.PARTNER, Field.PARTICIPANTS), Field.TITLE),
    /** An event arranged with others, such as Verdens overdosedag. Partner: the partners; role: ours. */
    CO_ORGANISED_EVENT(false, EnumSet.of(Field.TITLE, Field.PARTNER, Field.ROLE, Field.PARTICIPANTS), Field.TITLE),
    /** A meeting with a party or a political body. Partner: the party or body; title: the topic. */
    POLITICAL_MEETING(false, EnumSet.of(Field.PARTNER, Field.TITLE), Field.PARTNER),
    BOARD_MEETING(false, EnumSet.noneOf(Field.class), null),
    ANNUAL_MEETING(false, EnumSet.noneOf(Field.class), null);

    /** The optional fields of a record; the date and the note belong to every kind. */
    public enum Field { TITLE, PARTNER, ROLE, PARTICIPANTS }

    private final boolean period;
    private final Set<Field> fields;
    private final Field required;

    CollaborationKind(boolean period, Set<Field> fields, Field required) {
        this.period = period;
        this.fields = fields;
        this.required = required;
    }

    /** Whether a record of this kind spans a period (from a date, until a date or ongoing) rather than one day. */
    public boolean period() {
        return period;
    }

    public boolean uses(Field field) {
        return fields.contains(field);
    }

    /** Templates ask by name: {@code kind.uses('PARTNER')}. */
    public boolean uses(String field) {
        return fields.contains(Field.valueOf(field));
    }

    public boolean requires(Field field) {
        return field == required;
    }

    public boolean requires(String field) {
        return required != null && required.name().equals(field);
    }
}
