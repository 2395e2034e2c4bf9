package no.tilfrisk.volunteer.matching;

import java.util.Objects;

/**
 * Where the matcher places a person: the centre point of their area (bydel) when it is known, else of their
 * municipality. Two persons in the same municipality are only a distance apart when both are placed by area.
 */
public record Location(GeoPoint point, boolean ofArea) {

    public Location {
        Objects.requireNonNull(point, "point");
    }
}
