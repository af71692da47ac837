package ru.yavka.triage.retrieval;

import ru.yavka.triage.kb.KbCase;

/** A knowledge-base text found for a query, with the side's own score (higher is closer). */
public record Hit(KbCase kbCase, double score) {
}
