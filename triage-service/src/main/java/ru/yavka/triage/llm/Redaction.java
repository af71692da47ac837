package ru.yavka.triage.llm;

import java.util.regex.Pattern;

/**
 * Only the symptom text leaves for GigaChat, and even from it the identifiers a patient may have
 * typed (phone numbers, e-mail addresses, policy or passport numbers) are masked first.
 */
public final class Redaction {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(\\+7|8)?[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}(?!\\d)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s-]{8,}\\d");

    private Redaction() {
    }

    public static String scrub(String text) {
        String out = EMAIL.matcher(text).replaceAll("[e-mail]");
        out = PHONE.matcher(out).replaceAll("[телефон]");
        return LONG_NUMBER.matcher(out).replaceAll("[номер]");
    }
}
