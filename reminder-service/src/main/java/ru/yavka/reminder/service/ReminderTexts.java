package ru.yavka.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Russian patient-facing texts. Templates live in {@code messages/reminders.properties};
 * the parameters are computed here from the appointment and the moment the touch goes out,
 * so "завтра" and "через 2 часа" stay true after a quiet-hours move.
 */
public final class ReminderTexts {

    public static final String BUNDLE = "messages.reminders";

    private static final Locale RU = Locale.forLanguageTag("ru-RU");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM", RU);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final ResourceBundle bundle;
    private final ZoneId zone;

    public ReminderTexts(ZoneId zone) {
        // Java 9+ reads properties bundles as UTF-8.
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        this.zone = zone;
    }

    public boolean hasTemplate(String template) {
        return bundle.containsKey(template);
    }

    /** What the appointment looks like to the patient; all parts optional but the start. */
    public record Visit(String doctor, String specialty, String address, Instant start) {
    }

    /** Parameters for a touch going out at {@code at}, with the rendered {@code text} among them. */
    public Map<String, String> params(String template, Visit visit, Instant at) {
        ZonedDateTime start = visit.start().atZone(zone);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("doctor", nullToEmpty(visit.doctor()));
        params.put("specialty", nullToEmpty(visit.specialty()));
        params.put("address", nullToEmpty(visit.address()));
        params.put("date", DATE.format(start));
        params.put("time", TIME.format(start));
        params.put("day", dayWord(at.atZone(zone).toLocalDate(), start.toLocalDate()));
        params.put("lead", leadWords(Duration.between(at, visit.start())));
        params.put("start", visit.start().toString());
        params.put("text", render(template, params));
        return params;
    }

    public String render(String template, Map<String, String> params) {
        String pattern;
        try {
            pattern = bundle.getString(template);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no reminder template '" + template + "' in " + BUNDLE, e);
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String dayWord(LocalDate today, LocalDate visitDay) {
        long days = ChronoUnit.DAYS.between(today, visitDay);
        if (days == 0) {
            return "сегодня";
        }
        if (days == 1) {
            return "завтра";
        }
        if (days == 2) {
            return "послезавтра";
        }
        return "через " + days + " " + plural(days, "день", "дня", "дней");
    }

    /** "через 2 дня", "через 3 часа", "через 40 минут": rounded to what a person would say. */
    static String leadWords(Duration lead) {
        long minutes = Math.max(0, Math.round(lead.toSeconds() / 60.0));
        if (minutes >= 20 * 60) {
            long days = Math.max(1, Math.round(minutes / (24 * 60.0)));
            return "через " + days + " " + plural(days, "день", "дня", "дней");
        }
        if (minutes >= 60) {
            long hours = Math.round(minutes / 60.0);
            return "через " + hours + " " + plural(hours, "час", "часа", "часов");
        }
        return "через " + minutes + " " + plural(minutes, "минуту", "минуты", "минут");
    }

    static String plural(long n, String one, String few, String many) {
        long mod100 = n % 100;
        long mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        if (mod10 == 1) {
            return one;
        }
        return mod10 >= 2 && mod10 <= 4 ? few : many;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
