package ru.yavka.triage.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

/**
 * Sentence embeddings with DJL on ONNX Runtime: Hugging Face tokenizer, the model's last hidden
 * state mean-pooled over the real tokens, then L2-normalised (so a dot product is the cosine).
 * A small pool of predictors serves concurrent requests; each one runs ONNX Runtime single-threaded,
 * which on two cores gives steadier latency than one predictor using both.
 */
public final class Embedder implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final List<Predictor<NDList, NDList>> all = new ArrayList<>();
    private final boolean typeIds;
    private final int dimension;

    public Embedder(Path folder, int maxTokens, int predictorCount, int intraOpThreads) {
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(folder.resolve(ModelFiles.TOKENIZER))
                    .optMaxLength(maxTokens)
                    .optTruncation(true)
                    .optPadding(false)
                    .build();
            this.model = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(folder)
                    .optModelName("model")
                    .optEngine("OnnxRuntime")
                    .optTranslator(new NoopTranslator())
                    .optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", String.valueOf(intraOpThreads))
                    .build()
                    .loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedding model from " + folder, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load the embedding model from " + folder, e);
        }
        this.predictors = new ArrayBlockingQueue<>(Math.max(1, predictorCount));
        for (int i = 0; i < Math.max(1, predictorCount); i++) {
            Predictor<NDList, NDList> predictor = model.newPredictor();
            all.add(predictor);
            predictors.add(predictor);
        }
        // MiniLM and rubert-tiny2 exports take token_type_ids; a model exported without them says so here.
        this.typeIds = model.describeInput() == null || model.describeInput().keys().contains("token_type_ids");
        this.dimension = embed(List.of("probe")).get(0).length;
    }

    public int dimension() {
        return dimension;
    }

    public float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** One vector per text, in order; the batch is padded to its longest text. */
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = 0;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] tokenIds = encodings[b].getIds();
            long[] attention = encodings[b].getAttentionMask();
            long[] typeIdsOf = encodings[b].getTypeIds();
            System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, b * length, attention.length);
            System.arraycopy(typeIdsOf, 0, types, b * length, typeIdsOf.length);
        }
        Predictor<NDList, NDList> predictor = take();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch, length);
            NDArray inputIds = manager.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attentionMask = manager.create(mask, shape);
            attentionMask.setName("attention_mask");
            NDList input = new NDList(inputIds, attentionMask);
            if (typeIds) {
                NDArray tokenTypes = manager.create(types, shape);
                tokenTypes.setName("token_type_ids");
                input.add(tokenTypes);
            }
            NDList output = predictor.predict(input);
            NDArray hidden = output.get(0);
            long[] dims = hidden.getShape().getShape();
            int width = (int) dims[dims.length - 1];
            float[] values = hidden.toFloatArray();
            output.close();
            return pool(values, mask, batch, length, width);
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            predictors.add(predictor);
        }
    }

    /** Mean over the tokens the attention mask keeps, then unit length. */
    private static List<float[]> pool(float[] hidden, long[] mask, int batch, int length, int width) {
        List<float[]> vectors = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            float[] sum = new float[width];
            int count = 0;
            for (int t = 0; t < length; t++) {
                if (mask[b * length + t] == 0) {
                    continue;
                }
                count++;
                int base = (b * length + t) * width;
                for (int d = 0; d < width; d++) {
                    sum[d] += hidden[base + d];
                }
            }
            double norm = 0;
            for (int d = 0; d < width; d++) {
                sum[d] /= Math.max(count, 1);
                norm += sum[d] * sum[d];
            }
            float scale = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < width; d++) {
                sum[d] *= scale;
            }
            vectors.add(sum);
        }
        return vectors;
    }

    private Predictor<NDList, NDList> take() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding predictor", e);
        }
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
