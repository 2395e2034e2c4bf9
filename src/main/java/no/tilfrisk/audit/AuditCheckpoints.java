package no.tilfrisk.audit;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import no.tilfrisk.platform.crypto.Keysets;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anchors each organisation's audit trail outside the database (issue 21, item 5). A checkpoint names the trail's
 * last row and the last row of each of its lanes (V96), with their hashes, signed with a Tink public-key signature (Ed25519) whose keyset lives outside the database
 * like the field-encryption keyset ({@code tilfrisk.audit.checkpoints.keyset} or its file). Checkpoints are files in
 * a directory, one folder per organisation, and are also sent to a URL when one is configured. Written daily
 * ({@code internal/AuditCheckpointJob}) and when an admin asks. The public keyset is written beside them, so anyone
 * can check a checkpoint without the app.
 *
 * <p>{@link AuditTrail#verify()} then asks for the latest checkpoint whose signature holds: if a row it names is
 * gone, the trail was cut from the end; if the row is there with another hash, the trail was rewritten. A checkpoint whose
 * signature does not hold (forged, or changed) is refused and counted. Rows written after the latest checkpoint are
 * anchored only by the next one.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    static final String PUBLIC_KEYSET = "public-keyset.json";

    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json;
    private final PublicKeySign signer;
    private final PublicKeyVerify verifier;
    private final Path directory;
    private final String url;

    AuditCheckpoints(JdbcClient db, Clock clock, JsonMapper json,
                     @Value("${tilfrisk.audit.checkpoints.keyset:}") String keyset,
                     @Value("${tilfrisk.audit.checkpoints.keyset-file}") Path keysetFile,
                     @Value("${tilfrisk.audit.checkpoints.directory}") Path directory,
                     @Value("${tilfrisk.audit.checkpoints.url:}") String url) {
        this.db = db;
        this.clock = clock;
        this.json = json;
        this.directory = directory;
        this.url = url.isBlank() ? null : url.strip();
        try {
            SignatureConfig.register();
            KeysetHandle handle = Keysets.load(keyset, keysetFile, PredefinedSignatureParameters.ED25519,
                    "audit checkpoint signing");
            this.signer = handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
            KeysetHandle publicHandle = handle.getPublicKeysetHandle();
            this.verifier = publicHandle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
            writePublicKeyset(TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(publicHandle));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit checkpoint keyset is not a valid Tink signature keyset", e);
        }
    }

    /** What the store holds for one organisation: the latest checkpoint that verifies, and how many were refused. */
    public record Anchor(Optional<AuditCheckpoint> latest, int refused) {
    }

    /**
     * Signs and stores a checkpoint of the current organisation's last audit row. Nothing when the trail is empty;
     * the latest checkpoint again when no row came since it.
     */
    @PreAuthorize("hasRole('ORG_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<AuditCheckpoint> write() {
        UUID organisation = Tenancy.requireOrganisationId();
        List<AuditCheckpoint.Tail> tails = db.sql("""
                        SELECT DISTINCT ON (lane) lane, seq, encode(hash, 'hex') AS hash
                          FROM audit_event WHERE organisation_id = ? ORDER BY lane, seq DESC""")
                .param(organisation).query(AuditCheckpoint.Tail.class).list();
        if (tails.isEmpty()) {
            return Optional.empty();
        }
        AuditCheckpoint.Tail head = tails.stream().max(Comparator.comparingLong(AuditCheckpoint.Tail::seq)).orElseThrow();
        Optional<AuditCheckpoint> latest = anchor(organisation).latest();
        if (latest.isPresent() && latest.get().seq() == head.seq()) {
            return latest;
        }
        AuditCheckpoint checkpoint = sign(organisation, head.seq(), head.hash(), tails,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        store(checkpoint);
        send(checkpoint);
        return Optional.of(checkpoint);
    }

    /** The stored checkpoints of one organisation, each checked against the public keyset. */
    public Anchor anchor(UUID organisation) {
        Path folder = folder(organisation);
        if (!Files.isDirectory(folder)) {
            return new Anchor(Optional.empty(), 0);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoints in " + folder, e);
        }
        int refused = 0;
        AuditCheckpoint latest = null;
        for (Path file : files) {
            Optional<AuditCheckpoint> checkpoint = read(file).filter(c -> c.organisation().equals(organisation))
                    .filter(this::verifies);
            if (checkpoint.isEmpty()) {
                refused++;
                log.warn("Refused the audit checkpoint {}: unreadable, of another organisation, or its signature "
                        + "does not verify", file);
            } else if (latest == null || checkpoint.get().seq() > latest.seq()) {
                latest = checkpoint.get();
            }
        }
        return new Anchor(Optional.ofNullable(latest), refused);
    }

    /** Whether the signature is the checkpoint keyset's own over exactly these fields. */
    public boolean verifies(AuditCheckpoint checkpoint) {
        try {
            verifier.verify(Base64.getDecoder().decode(checkpoint.signature()), checkpoint.signed());
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    AuditCheckpoint sign(UUID organisation, long seq, String hash, List<AuditCheckpoint.Tail> tails, Instant at) {
        var unsigned = new AuditCheckpoint(organisation, seq, hash, at, tails, "");
        try {
            return new AuditCheckpoint(organisation, seq, hash, at, tails,
                    Base64.getEncoder().encodeToString(signer.sign(unsigned.signed())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the audit checkpoint", e);
        }
    }

    /** The folder of one organisation's checkpoint files. */
    public Path folder(UUID organisation) {
        return directory.resolve(organisation.toString());
    }

    private Optional<AuditCheckpoint> read(Path file) {
        try {
            return Optional.of(json.readValue(Files.readString(file), AuditCheckpoint.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private void store(AuditCheckpoint checkpoint) {
        Path folder = folder(checkpoint.organisation());
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".checkpoint", ".tmp");
            try {
                Files.writeString(temporary, json.writeValueAsString(checkpoint));
                Files.move(temporary, folder.resolve("%019d.json".formatted(checkpoint.seq())),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoint into " + folder, e);
        }
    }

    private void send(AuditCheckpoint checkpoint) {
        if (url == null) {
            return;
        }
        try {
            RestClient.create().post().uri(url).contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(checkpoint)).retrieve().toBodilessEntity();
        } catch (RestClientException e) {
            log.error("Could not send the audit checkpoint of organisation {} (row {}) to {}; it is in {}",
                    checkpoint.organisation(), checkpoint.seq(), url, folder(checkpoint.organisation()), e);
        }
    }

    private void writePublicKeyset(String publicKeyset) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(PUBLIC_KEYSET);
            if (!Files.exists(file) || !Files.readString(file).equals(publicKeyset)) {
                Files.writeString(file, publicKeyset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoints' public keyset into " + directory, e);
        }
    }
}
