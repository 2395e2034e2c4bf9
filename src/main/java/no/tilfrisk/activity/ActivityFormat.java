package no.tilfrisk.activity;

/** A group meets again and again; an event happens once (it may still span a few sessions). */
public enum ActivityFormat {
    GROUP,
    EVENT
}
