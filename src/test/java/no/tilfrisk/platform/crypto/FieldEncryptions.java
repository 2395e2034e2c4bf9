package no.tilfrisk.platform.crypto;

import java.nio.file.Path;

/** Field encryption with keysets a test chooses, for tests outside this package (its constructor is the context's). */
public final class FieldEncryptions {

    private FieldEncryptions() {
    }

    /** The field-encryption keyset as the context has it, and this fingerprint keyset (Tink JSON). */
    public static FieldEncryption withMacKeyset(String keyset, Path keysetFile, String macKeyset, Path macKeysetFile)
            throws Exception {
        return new FieldEncryption(keyset, keysetFile, macKeyset, macKeysetFile);
    }
}
