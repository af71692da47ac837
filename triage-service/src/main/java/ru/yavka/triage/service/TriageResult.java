package ru.yavka.triage.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a symptom text. {@code candidates} are the best three specialties, best first,
 * with retrieval's vote shares as scores (when GigaChat chose, its choice leads). {@code advice} is
 * the call-103/112 text for an emergency, otherwise whom to book. {@code id} is the triage's
 * record id in DataAccessed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriageResult(
        UUID id,
        String specialty,
        String specialtyName,
        List<Candidate> candidates,
        boolean emergency,
        String emergencyCategory,
        String advice,
        String explanation,
        List<CitedCase> citedCases,
        String source) {

    public record Candidate(String specialty, double score) {
    }

    /** A curated knowledge-base case the decision rests on (curated text, never a patient's). */
    public record CitedCase(String id, String specialty, String text, double score) {
    }
}
