package io.mall.review.domain;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial naive Bayes model of spam over {@link TextFeatures}: how often each n-gram occurs
 * in spam and in genuine text. Trained once by the training command, written as a versioned file
 * (gzip'd lines {@code gram TAB spam TAB ham}, most frequent first), read at start.
 *
 * <p>Naive Bayes is the classic text filter (SpamAssassin's own Bayes is one): it learns from a few
 * thousand examples, scores in microseconds, and its file is a table anyone can read.
 */
public final class SpamModel {

    /** An example: its text and whether it is spam. */
    public record Example(String text, boolean spam) {
    }

    private static final int SPAM = 0;
    private static final int HAM = 1;

    private final Map<String, long[]> counts;
    private final long[] documents;
    private final long[] occurrences;
    private final String version;

    private SpamModel(Map<String, long[]> counts, long[] documents, String version) {
        this.counts = counts;
        this.documents = documents;
        this.occurrences = new long[2];
        for (long[] count : counts.values()) {
            occurrences[SPAM] += count[SPAM];
            occurrences[HAM] += count[HAM];
        }
        this.version = version;
    }

    /**
     * Learns from the examples, keeping the {@code vocabulary} n-grams seen most often (each at
     * least {@code minCount} times): rarer ones say more about one example than about spam.
     */
    public static SpamModel train(Collection<Example> examples, int vocabulary, int minCount, String version) {
        Map<String, long[]> counts = new HashMap<>();
        long[] documents = new long[2];
        for (Example example : examples) {
            int label = example.spam() ? SPAM : HAM;
            documents[label]++;
            for (String gram : TextFeatures.of(example.text())) {
                counts.computeIfAbsent(gram, any -> new long[2])[label]++;
            }
        }
        List<Map.Entry<String, long[]>> kept = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            if (entry.getValue()[SPAM] + entry.getValue()[HAM] >= minCount) {
                kept.add(entry);
            }
        }
        kept.sort(byFrequency());
        Map<String, long[]> vocabularyCounts = new HashMap<>();
        for (Map.Entry<String, long[]> entry : kept.subList(0, Math.min(vocabulary, kept.size()))) {
            vocabularyCounts.put(entry.getKey(), entry.getValue());
        }
        return new SpamModel(vocabularyCounts, documents, version);
    }

    /**
     * The log-odds that the text is spam: the classes' prior plus, for each n-gram the model knows,
     * how much likelier it is in spam (Laplace-smoothed). Averaged per n-gram and scaled by
     * {@code log(1 + n)}, so a long genuine text is not called spam for its length alone and the
     * score stays readable (raw naive Bayes sums saturate to 0 or 1 within a sentence).
     */
    public double logOdds(String text) {
        double prior = Math.log((documents[SPAM] + 1.0) / (documents[HAM] + 1.0));
        double vocabularySize = counts.size();
        double sum = 0;
        int known = 0;
        for (String gram : TextFeatures.of(text)) {
            long[] count = counts.get(gram);
            if (count == null) {
                continue;
            }
            known++;
            sum += Math.log((count[SPAM] + 1.0) / (occurrences[SPAM] + vocabularySize))
                    - Math.log((count[HAM] + 1.0) / (occurrences[HAM] + vocabularySize));
        }
        return known == 0 ? prior : prior + sum / known * Math.log1p(known);
    }

    public String version() {
        return version;
    }

    public int vocabulary() {
        return counts.size();
    }

    public void write(OutputStream out) {
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            writer.write("# mall review spam model\tversion=" + version + "\tspamDocuments=" + documents[SPAM] + "\thamDocuments="
                    + documents[HAM] + "\n");
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
            entries.sort(byFrequency());
            for (Map.Entry<String, long[]> entry : entries) {
                // n-grams hold no tab or newline: white space is folded to single spaces
                writer.write(entry.getKey() + "\t" + entry.getValue()[SPAM] + "\t" + entry.getValue()[HAM] + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpamModel read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("# mall review spam model")) {
                throw new IllegalArgumentException("not a spam model file");
            }
            Map<String, String> fields = new HashMap<>();
            for (String field : header.split("\t")) {
                int equals = field.indexOf('=');
                if (equals > 0) {
                    fields.put(field.substring(0, equals), field.substring(equals + 1));
                }
            }
            long[] documents = { Long.parseLong(fields.get("spamDocuments")), Long.parseLong(fields.get("hamDocuments")) };
            Map<String, long[]> counts = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                int first = line.lastIndexOf('\t', line.lastIndexOf('\t') - 1);
                int second = line.lastIndexOf('\t');
                counts.put(line.substring(0, first), new long[] { Long.parseLong(line.substring(first + 1, second)),
                        Long.parseLong(line.substring(second + 1)) });
            }
            return new SpamModel(counts, documents, fields.get("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Most frequent first, then by the n-gram itself: the same examples always make the same file. */
    private static Comparator<Map.Entry<String, long[]>> byFrequency() {
        return Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -(entry.getValue()[SPAM] + entry.getValue()[HAM]))
                .thenComparing(Map.Entry::getKey);
    }
}
