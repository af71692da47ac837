package ru.yavka.audit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.repository.AuditChainStore;
import ru.yavka.audit.repository.ChainHead;
import ru.yavka.audit.repository.ChainRow;
import ru.yavka.audit.service.ChainVerification.Broken;
import ru.yavka.audit.service.ChainVerification.Link;

/**
 * Re-computes every hash from the first record on and checks each link against the one before:
 * an altered record no longer matches its own hash, a removed one leaves a gap in the sequence
 * and a predecessor hash that points at nothing.
 */
@ApplicationScoped
public class ChainVerifier {

    private final AuditChainStore store;
    private final int batchSize;

    public ChainVerifier(AuditChainStore store, AuditConfig config) {
        this.store = store;
        this.batchSize = config.verifyBatchSize();
    }

    public Uni<ChainVerification> verify() {
        return walk(ChainHead.GENESIS, 0);
    }

    /**
     * Checks the batch after {@code previous}. Appends only ever add committed rows at the end in
     * sequence order (they hold the chain lock until commit), so batches read one after the other
     * see a consistent prefix of the chain without one long-lived snapshot.
     */
    private Uni<ChainVerification> walk(ChainHead previous, long checked) {
        return store.after(previous.seq(), batchSize).chain(batch -> {
            ChainHead last = previous;
            long count = checked;
            for (ChainRow row : batch) {
                count++;
                String fault = fault(last, row);
                if (fault != null) {
                    return Uni.createFrom().item(new ChainVerification(false, count,
                            new Broken(row.seq(), row.eventId(), fault), link(last)));
                }
                last = new ChainHead(row.seq(), row.hash());
            }
            if (batch.size() < batchSize) {
                return Uni.createFrom().item(new ChainVerification(true, count, null, link(last)));
            }
            return walk(last, count);
        });
    }

    private static String fault(ChainHead previous, ChainRow row) {
        if (row.seq() != previous.seq() + 1) {
            long missing = row.seq() - previous.seq() - 1;
            return missing > 0
                    ? "records " + (previous.seq() + 1) + ".." + (row.seq() - 1) + " before it are missing"
                    : "out of sequence after record " + previous.seq();
        }
        if (!previous.hash().equals(row.prevHash())) {
            return previous.seq() == 0 ? "the first record does not start the chain"
                    : "its previous-hash does not match record " + previous.seq();
        }
        if (!ChainHash.of(row).equals(row.hash())) {
            return "its content does not match its hash: the record was altered";
        }
        return null;
    }

    private static Link link(ChainHead head) {
        return head.seq() == 0 ? null : new Link(head.seq(), head.hash());
    }
}
