package ai.switchboard.gateway.cache;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A deterministic stand-in for a sentence-embedding model, for tests only: TF-IDF weights of a text's words and
 * character 3- to 5-grams, hashed (CRC-32, signed) into a fixed number of dimensions. It measures shared wording,
 * not meaning, so it scores paraphrases that reword a question far lower than a real embeddings model would; it needs
 * no download and gives the same vector on every run.
 */
public final class HashedNgramEmbedding {

    private final int dimensions;
    private final Map<String, Double> idf = new HashMap<>();
    private final double unseenIdf;

    /** @param corpus the texts whose document frequencies weight the features */
    public HashedNgramEmbedding(int dimensions, Collection<String> corpus) {
        this.dimensions = dimensions;
        Map<String, Integer> df = new HashMap<>();
        for (String text : corpus) {
            features(text).keySet().forEach(feature -> df.merge(feature, 1, Integer::sum));
        }
        int n = corpus.size();
        df.forEach((feature, count) -> idf.put(feature, Math.log((1.0 + n) / (1.0 + count)) + 1));
        this.unseenIdf = Math.log(1.0 + n) + 1;
    }

    public float[] embed(String text) {
        float[] vector = new float[dimensions];
        features(text).forEach((feature, count) -> {
            CRC32 crc = new CRC32();
            crc.update(feature.getBytes(StandardCharsets.UTF_8));
            long hash = crc.getValue();
            int index = (int) (hash % dimensions);
            float sign = (hash >>> 31 & 1) == 0 ? 1f : -1f;
            vector[index] += sign * (float) (count * idf.getOrDefault(feature, unseenIdf));
        });
        return vector;
    }

    /** The cosine similarity of two texts' vectors. */
    public double similarity(String a, String b) {
        float[] x = SemanticIndex.unit(embed(a));
        float[] y = SemanticIndex.unit(embed(b));
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        return dot;
    }

    private static Map<String, Integer> features(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]", " ").replaceAll("\\s+", " ")
                .strip();
        Map<String, Integer> features = new HashMap<>();
        Set<String> words = new HashSet<>();
        for (String word : clean.split(" ")) {
            if (!word.isEmpty() && words.add(word)) {
                features.merge("w:" + word, 1, Integer::sum);
            }
        }
        String padded = " " + clean + " ";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                features.merge("c:" + padded.substring(i, i + n), 1, Integer::sum);
            }
        }
        return features;
    }
}
