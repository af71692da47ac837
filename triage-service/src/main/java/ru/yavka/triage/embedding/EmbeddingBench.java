package ru.yavka.triage.embedding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ru.yavka.triage.retrieval.RussianText;

/**
 * The embedding step alone, outside the service: milliseconds per text one at a time and in
 * batches, on the configured model folder or the bundled default. Run by `./clinic bench triage`
 * with the service's own jars: {@code java -cp 'quarkus-app/app/*:quarkus-app/lib/main/*' ...}.
 *
 * Args: [modelDir|-] [seconds]
 */
public final class EmbeddingBench {

    private static final List<String> TEXTS = List.of(
            "Болит горло, больно глотать, температура 38",
            "Давление поднимается до 160 на 100, голова тяжелая по утрам",
            "Сыпь на руках, чешется, шелушится кожа",
            "кашель второй месяц не проходит, мокрота по утрам, курю много лет и одышка при ходьбе",
            "Задержка месячных две недели",
            "Болит колено при ходьбе по лестнице, хрустит и опухает после нагрузки, мазь не помогает",
            "Постоянная тревога, не могу уснуть",
            "изжога после еды и горечь во рту");

    private EmbeddingBench() {
    }

    public static void main(String[] args) {
        Optional<Path> dir = args.length > 0 && !args[0].equals("-") ? Optional.of(Path.of(args[0])) : Optional.empty();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<String> texts = TEXTS.stream().map(RussianText::transliterate).toList();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (Embedder embedder = new Embedder(ModelFiles.folder(dir), 128, 1, threads)) {
            for (int i = 0; i < 50; i++) {
                embedder.embed(texts.get(i % texts.size()));
            }
            List<Double> single = new ArrayList<>();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            for (int i = 0; System.nanoTime() < end; i++) {
                long t = System.nanoTime();
                embedder.embed(texts.get(i % texts.size()));
                single.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(single);
            System.out.printf(Locale.ROOT, "embedding single: %d texts, p50 %.2f ms, p99 %.2f ms, mean %.2f ms/text%n",
                    single.size(), pct(single, 0.5), pct(single, 0.99),
                    single.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            for (int size : new int[] {8, 32}) {
                List<String> batch = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    batch.add(texts.get(i % texts.size()));
                }
                int batches = 0;
                long started = System.nanoTime();
                end = started + (long) (seconds / 2 * 1e9);
                while (System.nanoTime() < end) {
                    embedder.embed(batch);
                    batches++;
                }
                double ms = (System.nanoTime() - started) / 1e6;
                System.out.printf(Locale.ROOT, "embedding batch of %d: %d batches, %.2f ms/batch, %.2f ms/text%n", size,
                        batches, ms / batches, ms / batches / size);
            }
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
