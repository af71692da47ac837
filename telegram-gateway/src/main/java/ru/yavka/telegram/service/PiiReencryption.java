package ru.yavka.telegram.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.OutgoingQueue;

/**
 * The last step of a key rotation (docs/KEY-ROTATION.md), as in booking-service: re-encrypt with
 * the current key, in small transactions, every chat link and queued message still under another
 * key, while the gateway keeps serving (reads accept both keys meanwhile). Rows held by a dialog,
 * the sender or an erasure are skipped and stay in {@code remaining} for the next call.
 */
@ApplicationScoped
public class PiiReencryption {

    /** Rows moved to the current key by this call, and rows still under another key after it. */
    public record Progress(int reencrypted, long remaining) {
    }

    /** Booking-service's batch: a transaction short enough never to hold up a dialog for long. */
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(PiiReencryption.class);

    private final ChatLinks links;
    private final OutgoingQueue queue;

    public PiiReencryption(ChatLinks links, OutgoingQueue queue) {
        this.links = links;
        this.queue = queue;
    }

    public Progress run() {
        int done = 0;
        // A batch short of BATCH means no unheld row under another key was left to take.
        int changed;
        do {
            changed = links.reencryptBatch(BATCH);
            done += changed;
        } while (changed == BATCH);
        do {
            changed = queue.reencryptBatch(BATCH);
            done += changed;
        } while (changed == BATCH);
        Progress progress = new Progress(done, links.countUnderOtherKeys() + queue.countUnderOtherKeys());
        // Counts only: which key is which is the operator's business, not the log's.
        LOG.infof("personal data re-encrypted under the current key: %d rows, %d remaining", progress.reencrypted(),
                progress.remaining());
        return progress;
    }
}
