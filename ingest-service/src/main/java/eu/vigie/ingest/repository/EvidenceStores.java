package eu.vigie.ingest.repository;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import eu.vigie.ingest.config.IngestConfig;
import io.quarkus.arc.DefaultBean;

/** Picks the evidence store named by {@code vigie.ingest.evidence-store}, and the clock of the service. */
public class EvidenceStores {

    @Produces
    @ApplicationScoped
    EvidenceStore evidenceStore(IngestConfig config, PostgresEvidenceStore postgres) {
        return switch (config.evidenceStore()) {
            case POSTGRES -> postgres;
            case FILESYSTEM -> new FilesystemEvidenceStore(config.evidenceDirectory().orElseThrow(
                    () -> new IllegalStateException("vigie.ingest.evidence-directory must be set when "
                            + "vigie.ingest.evidence-store is filesystem")));
        };
    }

    /** The time of the service; tests replace it to move through a retention period without sleeping. */
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
