package ru.yavka.triage.llm;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.yavka.contracts.events.Specialty;
import ru.yavka.triage.client.GigaChatChatApi;
import ru.yavka.triage.retrieval.Candidate;
import ru.yavka.triage.retrieval.Hit;
import ru.yavka.triage.retrieval.Retrieval;

/**
 * The earlier bot's pipeline, step 3 and 5: a prompt built from the closest curated cases, and
 * the answer parsed back into a specialty code. The answer must be JSON naming one of the 16 codes.
 */
public final class Prompt {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT = Pattern.compile("\\{.*}", Pattern.DOTALL);

    private Prompt() {
    }

    public static List<GigaChatChatApi.Message> messages(String symptoms, Retrieval retrieval, int cited) {
        StringBuilder system = new StringBuilder()
                .append("Ты помогаешь регистратуре клиники направить пациента к нужному врачу. ")
                .append("Выбери ровно одного специалиста из списка кодов:\n");
        for (Specialty s : Specialty.values()) {
            system.append("- ").append(s.code()).append(": ").append(s.russianName()).append('\n');
        }
        system.append("Не ставь диагноз и не давай советов по лечению. Ответь только JSON без пояснений вокруг: ")
                .append("{\"specialty\": \"<код из списка>\", \"explanation\": \"<одно короткое предложение по-русски>\"}");

        StringBuilder user = new StringBuilder("Похожие случаи из базы знаний клиники:\n");
        int n = 0;
        for (Hit hit : retrieval.neighbours()) {
            if (n == cited) {
                break;
            }
            user.append(++n).append(". «").append(hit.kbCase().text()).append("» → ")
                    .append(hit.kbCase().specialty()).append('\n');
        }
        user.append("Поиск предлагает: ");
        for (Candidate c : retrieval.top(3)) {
            user.append(c.specialty()).append(String.format(java.util.Locale.ROOT, " (%.2f) ", c.score()));
        }
        user.append("\nЖалоба пациента: «").append(Redaction.scrub(symptoms)).append('»');
        return List.of(new GigaChatChatApi.Message("system", system.toString()),
                new GigaChatChatApi.Message("user", user.toString()));
    }

    public record Answer(String specialty, String explanation) {
    }

    /** The specialty and explanation from GigaChat's reply, or empty when the reply is not usable. */
    public static Optional<Answer> parse(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher m = OBJECT.matcher(reply);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(m.group());
            String code = node.path("specialty").asText("").strip().toLowerCase(java.util.Locale.ROOT);
            if (Specialty.byCode(code).isEmpty()) {
                return Optional.empty();
            }
            String explanation = node.path("explanation").asText("").strip();
            return Optional.of(new Answer(code, explanation.length() > 500 ? explanation.substring(0, 500) : explanation));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
