package ru.yavka.triage.retrieval;

/** A specialty with its share of the vote (0..1; the shares of all specialties add up to 1). */
public record Candidate(String specialty, double score) {
}
