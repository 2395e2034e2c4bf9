package no.tilfrisk.person;

import java.util.List;
import java.util.UUID;

/**
 * What a module adds to a person's timeline (attendance, contacts, plans...). Implementations are beans; the
 * person page asks each of them, within the reader's access to the person, which the person module has checked.
 */
public interface TimelineSource {

    List<TimelineEntry> entriesFor(UUID personId);
}
