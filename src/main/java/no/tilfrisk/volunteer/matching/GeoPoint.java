package no.tilfrisk.volunteer.matching;

/** A point on the earth: WGS84 latitude and longitude in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

    /** The earth's mean radius (IUGG), in kilometres: the sphere the great-circle distance is measured on. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("Not a point on the earth: " + latitude + ", " + longitude);
        }
    }

    /** The great-circle distance to {@code other} in kilometres, by the haversine formula. */
    public double kmTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
