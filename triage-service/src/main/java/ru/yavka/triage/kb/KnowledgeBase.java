package ru.yavka.triage.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ru.yavka.contracts.events.Specialty;


/**
 * The curated knowledge base, versioned in {@code src/main/resources/kb/}: symptom cases per
 * specialty in patients' own words, red-flag examples and rules, and specialty descriptions.
 * Its SHA-256 over every file decides whether the vector store needs reindexing.
 */
public final class KnowledgeBase {

    public static final int MIN_CASES_PER_SPECIALTY = 40;
    private static final String ROOT = "kb/";

    private final List<KbCase> cases;
    private final List<KbCase> redFlagExamples;
    private final List<KbCase> descriptions;
    private final Map<String, RedFlagCategory> categories;
    private final List<RedFlagRule> rules;
    private final List<RedFlagRule> exclusions;
    private final String hash;

    private KnowledgeBase(List<KbCase> cases, List<KbCase> redFlagExamples, List<KbCase> descriptions,
            Map<String, RedFlagCategory> categories, List<RedFlagRule> rules, List<RedFlagRule> exclusions,
            String hash) {
        this.cases = List.copyOf(cases);
        this.redFlagExamples = List.copyOf(redFlagExamples);
        this.descriptions = List.copyOf(descriptions);
        this.categories = Map.copyOf(categories);
        this.rules = List.copyOf(rules);
        this.exclusions = List.copyOf(exclusions);
        this.hash = hash;
    }

    /** Loads and checks the knowledge base from the classpath. */
    public static KnowledgeBase load() {
        MessageDigest digest = sha256();
        List<KbCase> cases = new ArrayList<>();
        Map<Specialty, Integer> perSpecialty = new EnumMap<>(Specialty.class);
        for (Specialty specialty : Specialty.values()) {
            List<String> lines = lines("cases/" + specialty.code() + ".txt", digest);
            int n = 0;
            for (String line : lines) {
                cases.add(new KbCase(specialty.code() + "-" + (++n), line, specialty.code(), null, KbCase.Kind.CASE));
            }
            perSpecialty.put(specialty, n);
        }
        perSpecialty.forEach((specialty, n) -> {
            if (n < MIN_CASES_PER_SPECIALTY) {
                throw new IllegalStateException("knowledge base: " + specialty.code() + " has " + n
                        + " cases, at least " + MIN_CASES_PER_SPECIALTY + " are needed");
            }
        });

        List<KbCase> descriptions = new ArrayList<>();
        for (String line : lines("specialties.tsv", digest)) {
            String[] f = fields(line, 2, "specialties.tsv");
            Specialty specialty = Specialty.byCode(f[0]).orElseThrow(
                    () -> new IllegalStateException("knowledge base: unknown specialty '" + f[0] + "' in specialties.tsv"));
            descriptions.add(new KbCase("desc-" + specialty.code(), f[1], specialty.code(), null,
                    KbCase.Kind.DESCRIPTION));
        }
        if (descriptions.size() != Specialty.values().length) {
            throw new IllegalStateException("knowledge base: specialties.tsv must describe each of the "
                    + Specialty.values().length + " specialties once");
        }

        Map<String, RedFlagCategory> categories = new LinkedHashMap<>();
        for (String line : lines("red-flag-categories.tsv", digest)) {
            String[] f = fields(line, 3, "red-flag-categories.tsv");
            categories.put(f[0], new RedFlagCategory(f[0], f[1], f[2]));
        }
        List<KbCase> examples = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : lines("red-flags.tsv", digest)) {
            String[] f = fields(line, 3, "red-flags.tsv");
            requireCategory(categories, f[0], "red-flags.tsv");
            Specialty specialty = Specialty.byCode(f[1]).orElseThrow(
                    () -> new IllegalStateException("knowledge base: unknown specialty '" + f[1] + "' in red-flags.tsv"));
            int n = seen.merge(f[0], 1, Integer::sum);
            examples.add(new KbCase("rf-" + f[0] + "-" + n, f[2], specialty.code(), f[0], KbCase.Kind.RED_FLAG));
        }
        List<RedFlagRule> rules = new ArrayList<>();
        List<RedFlagRule> exclusions = new ArrayList<>();
        for (String line : lines("red-flag-rules.tsv", digest)) {
            String[] f = fields(line, 2, "red-flag-rules.tsv");
            if (f[0].startsWith("!")) {
                exclusions.add(new RedFlagRule(f[0].substring(1), Pattern.compile(f[1])));
            } else {
                requireCategory(categories, RedFlagRule.categoryOf(f[0]), "red-flag-rules.tsv");
                rules.add(new RedFlagRule(f[0], Pattern.compile(f[1])));
            }
        }
        return new KnowledgeBase(cases, examples, descriptions, categories, rules, exclusions,
                HexFormat.of().formatHex(digest.digest()));
    }

    public List<KbCase> cases() {
        return cases;
    }

    public List<KbCase> redFlagExamples() {
        return redFlagExamples;
    }

    public List<KbCase> descriptions() {
        return descriptions;
    }

    /** Everything that goes into the indexes: cases, red-flag examples and descriptions. */
    public List<KbCase> all() {
        List<KbCase> all = new ArrayList<>(cases.size() + redFlagExamples.size() + descriptions.size());
        all.addAll(cases);
        all.addAll(redFlagExamples);
        all.addAll(descriptions);
        return all;
    }

    public Map<String, RedFlagCategory> categories() {
        return categories;
    }

    public List<RedFlagRule> rules() {
        return rules;
    }

    /** Patterns that, when they match, keep a rule of their category from firing (e.g. "в прошлом году"). */
    public List<RedFlagRule> exclusions() {
        return exclusions;
    }

    /** SHA-256 (hex) of every knowledge-base file. */
    public String hash() {
        return hash;
    }

    private static void requireCategory(Map<String, RedFlagCategory> categories, String code, String file) {
        if (!categories.containsKey(code)) {
            throw new IllegalStateException("knowledge base: unknown red-flag category '" + code + "' in " + file);
        }
    }

    private static String[] fields(String line, int count, String file) {
        String[] f = line.split("\t", count);
        if (f.length != count || Arrays.stream(f).anyMatch(String::isBlank)) {
            throw new IllegalStateException("knowledge base: " + file + " needs " + count
                    + " tab-separated fields per line: " + line);
        }
        return Arrays.stream(f).map(String::strip).toArray(String[]::new);
    }

    /** Non-blank lines that are not {@code #} comments; the raw bytes go into the hash. */
    private static List<String> lines(String name, MessageDigest digest) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base file missing from the classpath: " + ROOT + name);
            }
            byte[] bytes = in.readAllBytes();
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
