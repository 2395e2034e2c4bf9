package no.tilfrisk;

import java.util.Map;
import java.util.UUID;

/** The demo organisations and accounts that every {@link TilfriskTest} can rely on. */
public final class Demo {

    public static final UUID DEMO_RECOVERY = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    public static final UUID OTHER_ORGANISATION = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    public static final String PASSWORD = "tilfrisk-demo";
    public static final String ADMIN = "admin@demo.tilfrisk.no";
    public static final String STAFF = "ansatt@demo.tilfrisk.no";
    public static final String OTHER_ADMIN = "admin@annen.tilfrisk.no";
    /** The caseworker of the demo's partner «NAV Skien», with whom Dag Deltaker (only) consents to share. */
    public static final String PARTNER = "nav@demo.tilfrisk.no";

    /** Each demo account's API token (demo data gives every account {@code demo-<local part>}). */
    public static final Map<String, String> TOKENS = Map.of(
            "admin@demo.tilfrisk.no", "demo-admin", "koordinator@demo.tilfrisk.no", "demo-koordinator",
            "ansatt@demo.tilfrisk.no", "demo-ansatt", "frivillig@demo.tilfrisk.no", "demo-frivillig",
            "deltaker@demo.tilfrisk.no", "demo-deltaker", "styret@demo.tilfrisk.no", "demo-styret",
            "nav@demo.tilfrisk.no", "demo-nav", "katalog@demo.tilfrisk.no", "demo-katalog",
            "admin@annen.tilfrisk.no", "demo-annen");

    private Demo() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
