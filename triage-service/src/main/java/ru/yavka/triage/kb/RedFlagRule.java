package ru.yavka.triage.kb;

import java.util.regex.Pattern;

/**
 * A pattern over normalised text (lower case, ё as е) that alone means an emergency, or, for an
 * exclusion, keeps the rules of its group quiet. {@code group} is a category ("breathing") or a
 * category with a qualifier ("breathing:weak") so that an exclusion can cover the weak signs only.
 */
public record RedFlagRule(String group, Pattern pattern) {

    public String category() {
        return categoryOf(group);
    }

    static String categoryOf(String group) {
        int colon = group.indexOf(':');
        return colon < 0 ? group : group.substring(0, colon);
    }
}
