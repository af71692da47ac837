package ru.yavka.telegram.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bot's Russian texts, kept as templates in {@code messages/telegram.properties}, and the
 * way dates and times are shown (clinic time, Europe/Moscow).
 */
@ApplicationScoped
public class Texts {

    public static final ZoneId CLINIC = ZoneId.of("Europe/Moscow");
    private static final Locale RU = Locale.forLanguageTag("ru-RU");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM", RU);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d.MM", RU);
    private static final DateTimeFormatter DAY_BUTTON = DateTimeFormatter.ofPattern("EE, d MMM", RU);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", RU);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final ResourceBundle bundle = ResourceBundle.getBundle("messages.telegram", Locale.ROOT);
    private final ResourceBundle dative = ResourceBundle.getBundle("messages.specialty-dative", Locale.ROOT);

    public String get(String key) {
        return bundle.getString(key);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The template with {@code {name}} placeholders filled from name/value pairs. */
    public String get(String key, Object... pairs) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return fill(get(key), values);
    }

    public String render(String key, Map<String, String> params) {
        return fill(get(key), Map.copyOf(params));
    }

    private static String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "терапевту" for the "Записаться к …" button, or null when the code is unknown. */
    public String dative(String specialtyCode) {
        try {
            return dative.getString(specialtyCode);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static ZonedDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(CLINIC);
    }

    public static ZonedDateTime local(Instant time) {
        return time.atZone(CLINIC);
    }

    /** "пятница, 5 декабря" */
    public static String date(ZonedDateTime time) {
        return DATE.format(time);
    }

    /** "10:30" */
    public static String time(ZonedDateTime time) {
        return TIME.format(time);
    }

    /** "5.12" for compact button labels. */
    public static String shortDate(ZonedDateTime time) {
        return SHORT_DATE.format(time);
    }

    /** "пт, 5 дек." for day buttons. */
    public static String dayButton(java.time.LocalDate day) {
        return DAY_BUTTON.format(day);
    }

    /** "5 декабря" */
    public static String dayMonth(java.time.LocalDate day) {
        return DAY_MONTH.format(day);
    }
}
