package ru.yavka.booking.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.PatientRepository;

/**
 * The last step of a key rotation: re-encrypt, in small transactions, every row still under
 * the previous key, while the service keeps serving (reads accept both keys meanwhile).
 */
@ApplicationScoped
public class PiiReencryption {

    public record Progress(int reencrypted, long remaining) {
    }

    private static final int BATCH = 500;

    private final PatientRepository patients;

    public PiiReencryption(PatientRepository patients) {
        this.patients = patients;
    }

    public Uni<Progress> run() {
        return runFrom(0);
    }

    /** One transaction per batch, so no lock is held for long. */
    private Uni<Progress> runFrom(int done) {
        return Panache.withTransaction(() -> patients.reencryptBatch(BATCH))
                .chain(changed -> changed == 0
                        ? Panache.withSession(patients::countUnderOtherKeys).map(left -> new Progress(done, left))
                        : runFrom(done + changed));
    }
}
