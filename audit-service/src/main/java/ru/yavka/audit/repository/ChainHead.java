package ru.yavka.audit.repository;

/** The last link of the chain; before the first record it is sequence 0 with a hash of zeros. */
public record ChainHead(long seq, String hash) {

    public static final ChainHead GENESIS = new ChainHead(0, "0".repeat(64));
}
