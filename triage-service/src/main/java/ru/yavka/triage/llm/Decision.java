package ru.yavka.triage.llm;

/**
 * The specialty chosen for a text and by whom: {@code llm} when GigaChat chose it, {@code retrieval}
 * when retrieval voting did (no LLM configured, an emergency, or GigaChat failed: {@code fallbackReason}).
 */
public record Decision(String specialty, String source, String llmExplanation, String fallbackReason) {

    public static final String LLM = "llm";
    public static final String RETRIEVAL = "retrieval";

    public static Decision retrieval(String specialty, String fallbackReason) {
        return new Decision(specialty, RETRIEVAL, null, fallbackReason);
    }
}
