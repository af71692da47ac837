package ru.yavka.audit.service;

import java.util.UUID;

/**
 * The outcome of walking the chain from its first record. {@code checked} counts the records
 * examined, the broken one included. {@code head} is the last intact link: an auditor who notes
 * it can later tell whether records were cut off the end, which no chain can show by itself.
 */
public record ChainVerification(boolean intact, long checked, Broken firstBroken, Link head) {

    /** The first record that does not fit: its place in the chain, its event and why. */
    public record Broken(long sequence, UUID eventId, String reason) {
    }

    public record Link(long sequence, String hash) {
    }
}
