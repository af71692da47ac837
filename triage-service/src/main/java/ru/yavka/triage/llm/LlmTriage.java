package ru.yavka.triage.llm;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import ru.yavka.triage.client.GigaChatClient;
import ru.yavka.triage.config.GigaChatConfig;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.retrieval.Retrieval;

/**
 * Asks GigaChat to choose among the specialties, given the closest curated cases. Whatever goes
 * wrong (unreachable, too slow, refused, an answer that is not a known code) falls back to the
 * retrieval vote, and the decision says so.
 */
@ApplicationScoped
public class LlmTriage {

    private final GigaChatClient gigaChat;
    private final GigaChatConfig config;
    private final int cited;

    public LlmTriage(GigaChatClient gigaChat, GigaChatConfig config, TriageConfig triage) {
        this.gigaChat = gigaChat;
        this.config = config;
        this.cited = triage.retrieval().cited();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The timeout covers the retries too; override with {@code ru.yavka.triage.llm.LlmTriage/decide/Timeout/value}. */
    @Timeout(8000)
    @Fallback(LlmFallback.class)
    public Decision decide(String symptoms, Retrieval retrieval) {
        String reply = gigaChat.complete(Prompt.messages(symptoms, retrieval, cited));
        Prompt.Answer answer = Prompt.parse(reply)
                .orElseThrow(() -> new UnusableAnswer("GigaChat's answer names no known specialty"));
        return new Decision(answer.specialty(), Decision.LLM, answer.explanation(), null);
    }

    /** GigaChat answered, but not in the form asked for. */
    public static class UnusableAnswer extends RuntimeException {

        public UnusableAnswer(String message) {
            super(message);
        }
    }
}
