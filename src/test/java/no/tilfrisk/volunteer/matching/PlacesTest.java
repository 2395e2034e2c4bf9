package no.tilfrisk.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped centre points and the great-circle distance, checked against distances known by hand. */
class PlacesTest {

    @Test
    void theShippedFileListsTheDemosMunicipalitiesAndEveryOsloBydelTheBenchmarkUses() {
        Places places = Places.shipped();
        assertThat(places.size()).isEqualTo(21);
        for (String municipality : List.of("Oslo", "Skien", "Tønsberg", "Stavanger", "Bergen", "Bærum", "Asker")) {
            assertThat(places.locate(municipality, null)).as(municipality).hasValueSatisfying(l -> {
                assertThat(l.ofArea()).isFalse();
                // mainland Norway
                assertThat(l.point().latitude()).isBetween(57.9, 71.2);
                assertThat(l.point().longitude()).isBetween(4.6, 31.2);
            });
        }
        for (String bydel : List.of("Grünerløkka", "Gamle Oslo", "Sagene", "St. Hanshaugen", "Frogner", "Alna",
                "Grorud", "Stovner", "Søndre Nordstrand", "Nordstrand", "Østensjø", "Bjerke", "Ullern", "Vestre Aker")) {
            assertThat(places.locate("Oslo", bydel)).as(bydel).hasValueSatisfying(l -> {
                assertThat(l.ofArea()).isTrue();
                // within 15 km of Oslo's centre
                assertThat(l.point().kmTo(places.locate("Oslo", null).orElseThrow().point())).isLessThan(15);
            });
        }
        // names are matched without regard to case or spaces; an unknown area falls back to its municipality
        assertThat(places.locate(" oslo ", "GRÜNERLØKKA")).hasValueSatisfying(l -> assertThat(l.ofArea()).isTrue());
        assertThat(places.locate("Oslo", "Nordre Aker")).hasValueSatisfying(l -> assertThat(l.ofArea()).isFalse());
        assertThat(places.locate("Lillestrøm", null)).isEmpty();
        assertThat(places.locate(null, "Grünerløkka")).isEmpty();
    }

    @Test
    void theGreatCircleDistanceMatchesKnownDistances() {
        // a quarter of a meridian: π/2 × 6,371.0088 km
        assertThat(new GeoPoint(0, 0).kmTo(new GeoPoint(90, 0))).isCloseTo(10_007.557, within(0.001));
        // one degree of longitude on the equator: 2π × 6,371.0088 / 360
        assertThat(new GeoPoint(0, 10).kmTo(new GeoPoint(0, 11))).isCloseTo(111.195, within(0.001));
        // Oslo to Bergen, centre to centre: about 304 km as the crow flies
        Places places = Places.shipped();
        assertThat(places.locate("Oslo", null).orElseThrow().point()
                .kmTo(places.locate("Bergen", null).orElseThrow().point())).isCloseTo(303.9, within(0.5));
        GeoPoint a = new GeoPoint(59.92386, 10.75789);
        GeoPoint b = new GeoPoint(59.91290, 10.78190);
        assertThat(a.kmTo(b)).isCloseTo(b.kmTo(a), within(1e-9)).isCloseTo(1.81, within(0.01));
        assertThat(a.kmTo(a)).isZero();
    }

    @Test
    void aBrokenOrTwiceListedLineIsRefused() {
        assertThatThrownBy(() -> Places.parse(List.of("Oslo;;91;10;x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.parse(List.of("Oslo;;59.9"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.parse(List.of("Oslo;;59.9;10.7;x", "oslo;;59.8;10.6;y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Places.parse(List.of("# a comment", "", "Oslo;Sagene;59.9;10.7;x")).size()).isEqualTo(1);
    }
}
