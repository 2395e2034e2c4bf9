package no.tilfrisk.importer.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import no.tilfrisk.importer.Imports;
import no.tilfrisk.platform.scheduling.AsSystem;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour: the uploads never imported that are more than a day old leave, once across nodes, per organisation. */
@Component
class ImportFileCleanupJob {

    private final AsSystem asSystem;
    private final Imports imports;

    ImportFileCleanupJob(AsSystem asSystem, Imports imports) {
        this.asSystem = asSystem;
        this.imports = imports;
    }

    @Scheduled(cron = "0 20 * * * *", zone = "Europe/Oslo")
    @SchedulerLock(name = "importer.unimported-files", lockAtLeastFor = "PT1M", lockAtMostFor = "PT10M")
    public void removeUnimportedFiles() {
        asSystem.forEachOrganisation("importer.unimported-files", organisation -> imports.removeUnimportedFiles());
    }
}
