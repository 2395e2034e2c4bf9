package no.tilfrisk.importer.internal;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.tilfrisk.importer.ImportRefusal;
import no.tilfrisk.importer.Imports;
import no.tilfrisk.importer.Mapping;
import no.tilfrisk.platform.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Runs a real import beside the request, so that a file of thousands of rows shows its progress (the page asks again
 * every two seconds) instead of a browser waiting. One import at a time per node (a single thread); the import is
 * one transaction, so a failure leaves nothing. The progress is this node's memory: with several nodes the progress
 * page may be served by a node that did not run the import, and then says it knows of no import running, while the
 * list of imports still shows the result.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    /** One import's state: its share done, and at the end its result or the refusal. */
    static final class Job {
        volatile int percent;
        volatile Imports.Result result;
        volatile ImportRefusal refusal;
        volatile boolean failed;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final UUID organisation;
        final UUID user;

        Job(UUID organisation, UUID user) {
            this.organisation = organisation;
            this.user = user;
        }

        boolean finished() {
            return done.isDone();
        }
    }

    private final Imports imports;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(Imports imports) {
        this.imports = imports;
    }

    /** Starts the import of this file unless it is running already; returns its job. */
    Job start(UUID fileId, Mapping mapping, Charset charset, Map<Integer, UUID> choices, boolean skipRefused) {
        var caller = Tenancy.currentPrincipal().orElseThrow();
        Job running = jobs.get(fileId);
        if (running != null && !running.finished()) {
            return running;
        }
        Job job = new Job(caller.organisationId(), caller.userId());
        jobs.put(fileId, job);
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                job.result = imports.run(fileId, mapping, charset, choices, skipRefused, p -> job.percent = p);
            } catch (ImportRefusal e) {
                job.refusal = e;
            } catch (RuntimeException e) {
                log.warn("Import of file {} failed", fileId, e);
                job.failed = true;
            } finally {
                job.percent = 100;
                job.done.complete(null);
            }
        }));
        return job;
    }

    /** The job of this file, if this node runs or ran it for the caller's organisation and the caller. */
    Job job(UUID fileId) {
        var caller = Tenancy.currentPrincipal().orElseThrow();
        Job job = jobs.get(fileId);
        return job != null && job.organisation.equals(caller.organisationId()) && job.user.equals(caller.userId())
                ? job : null;
    }

    /** Waits until the import of this file has ended (for the tests and the benchmark, which cannot watch a page). */
    void await(UUID fileId, java.time.Duration atMost) throws Exception {
        jobs.get(fileId).done.get(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
