package no.tilfrisk;

import java.util.UUID;

/** The demo organisations and accounts that every {@link TilfriskTest} can rely on. */
public final class Demo {

    public static final UUID DEMO_RECOVERY = UUID.fromString("00000000-0000-4000-8000-00000000d001");
    public static final UUID OTHER_ORGANISATION = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    public static final String PASSWORD = "tilfrisk-demo";
    public static final String ADMIN = "admin@demo.tilfrisk.no";
    public static final String STAFF = "ansatt@demo.tilfrisk.no";
    public static final String OTHER_ADMIN = "admin@annen.tilfrisk.no";

    private Demo() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
