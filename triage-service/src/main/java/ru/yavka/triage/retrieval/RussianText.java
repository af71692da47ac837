package ru.yavka.triage.retrieval;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian text as the lexical side sees it. Two analyzers:
 * <ul>
 * <li>{@link #stems()}: lower case, ё as е, stop words out, Snowball stems ("болит", "болело" and
 * "боли" meet at "бол");</li>
 * <li>{@link #sounds()}: the same stems reduced to a rough sound skeleton (unstressed о/а and
 * е/и/я merged, soft and hard signs and doubled letters dropped), so the usual misspellings
 * ("галава", "тимпература", "кашиль") still meet the right words.</li>
 * </ul>
 */
public final class RussianText {

    /** Function words; "не", "нет", "без" stay: they are kept out of stop lists on purpose. */
    private static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "и", "в", "во", "на", "с", "со", "у", "к", "ко", "о", "об", "от", "до", "по", "за", "из", "над", "под",
            "при", "про", "для", "а", "но", "или", "да", "же", "ли", "бы", "то", "это", "этот", "эта", "эти", "так",
            "как", "что", "чтобы", "когда", "там", "тут", "здесь", "уже", "еще", "ещё", "вот", "ну", "мне", "меня",
            "мной", "я", "мы", "нас", "нам", "он", "она", "оно", "они", "его", "ее", "её", "их", "им", "ему", "ей",
            "ты", "вы", "вас", "вам", "мой", "моя", "мое", "моё", "мои", "моего", "моей", "свой", "своя", "свои",
            "есть", "был", "была", "было", "были", "быть", "будет", "стал", "стала", "стало", "очень", "всё", "все",
            "весь", "вся", "просто", "какой", "какая", "какие", "какое", "где", "чем", "чего", "кто", "себя", "себе",
            "сам", "сама", "тоже", "также", "этого", "этом", "том", "тот", "та", "те", "ж", "вроде", "типа", "как-то",
            "почему", "может", "можно", "надо", "нужно", "хочу", "скажите", "подскажите", "пожалуйста", "врач",
            "врачу", "врача", "доктор", "здравствуйте", "добрый", "день", "вечер", "к кому", "идти", "обратиться",
            "записаться", "запись", "кому", "какому", "специалисту", "ли",
            // Words of every complaint that say nothing about which doctor: with a small knowledge
            // base they would otherwise pull in whichever case happens to share them.
            "могу", "может", "можете", "мог", "могла", "нужна", "нужен", "нужны", "нужно", "консультация",
            "проверить", "провериться", "после", "без", "уже", "постоянно", "часто", "иногда", "сильно", "немного",
            "день", "дня", "дней", "неделя", "недели", "неделю", "недель", "месяц", "месяца", "месяцев", "год",
            "года", "лет", "раз", "раза", "время", "последнее", "сейчас", "давно", "совсем", "вообще", "опять",
            "снова", "что-то", "какой-то", "чувствую", "беспокоит", "появилось", "появился", "появилась",
            "началось", "начался", "начала", "стало", "стали", "делать", "подскажите"), false);

    private static final NormalizeCharMap YO;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        YO = map.build();
    }

    private static final Analyzer STEMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new SnowballFilter(stream, new RussianStemmer());
            stream = new LengthFilter(stream, 2, 40);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }
    };

    private static final Analyzer SOUNDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new SkeletonFilter(stream);
            stream = new SnowballFilter(stream, new RussianStemmer());
            stream = new SkeletonFilter(stream);
            stream = new LengthFilter(stream, 2, 40);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }
    };

    private RussianText() {
    }

    public static Analyzer stems() {
        return STEMS;
    }

    public static Analyzer sounds() {
        return SOUNDS;
    }

    /** The tokens an analyzer makes of a text. */
    public static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("t", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Lower case, ё as е, runs of spaces as one: the form the red-flag rules are written for. */
    public static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /** A rough sound skeleton of a Russian word: the letters that misspellings rarely change. */
    static String skeleton(String word) {
        StringBuilder out = new StringBuilder(word.length());
        char last = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = switch (word.charAt(i)) {
                case 'о', 'а', 'я' -> 'а';
                case 'е', 'и', 'ы', 'э', 'ё', 'й' -> 'и';
                case 'ю' -> 'у';
                case 'ь', 'ъ' -> 0;
                case 'щ' -> 'ш';
                default -> word.charAt(i);
            };
            if (c != 0 && c != last) {
                out.append(c);
            }
            if (c != 0) {
                last = c;
            }
        }
        return out.toString();
    }

    /** Latin letters for Cyrillic ones (a simple GOST-like table), for the English-only default model. */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            String latin = switch (lower) {
                case 'а' -> "a";
                case 'б' -> "b";
                case 'в' -> "v";
                case 'г' -> "g";
                case 'д' -> "d";
                case 'е', 'ё', 'э' -> "e";
                case 'ж' -> "zh";
                case 'з' -> "z";
                case 'и' -> "i";
                case 'й' -> "y";
                case 'к' -> "k";
                case 'л' -> "l";
                case 'м' -> "m";
                case 'н' -> "n";
                case 'о' -> "o";
                case 'п' -> "p";
                case 'р' -> "r";
                case 'с' -> "s";
                case 'т' -> "t";
                case 'у' -> "u";
                case 'ф' -> "f";
                case 'х' -> "kh";
                case 'ц' -> "ts";
                case 'ч' -> "ch";
                case 'ш' -> "sh";
                case 'щ' -> "shch";
                case 'ъ', 'ь' -> "";
                case 'ы' -> "y";
                case 'ю' -> "yu";
                case 'я' -> "ya";
                default -> null;
            };
            out.append(latin == null ? String.valueOf(lower) : latin);
        }
        return out.toString();
    }

    /** Replaces each token by its {@link #skeleton}. */
    private static final class SkeletonFilter extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        SkeletonFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String skeleton = skeleton(term.toString());
            term.setEmpty().append(skeleton);
            return true;
        }
    }
}
