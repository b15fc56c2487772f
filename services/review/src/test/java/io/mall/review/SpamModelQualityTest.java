package io.mall.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.mall.review.domain.SpamModel;

/**
 * The quality gate of the spam model in use: its precision and recall on the labelled reviews held
 * out of its training, printed, and no lower than the training command recorded for it.
 */
class SpamModelQualityTest {

    @Test
    void theModelCatchesHeldOutSpamReviewsAsWellAsWhenItWasTrained() throws IOException {
        SpamModel model;
        Properties recorded = new Properties();
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream in = loader.getResourceAsStream("spam/model-v1.tsv.gz");
                InputStream metrics = loader.getResourceAsStream("spam/model-v1.properties")) {
            model = SpamModel.read(in);
            recorded.load(metrics);
        }
        List<SpamTraining.Labelled> heldOut = SpamTraining.LabelledReviews.read(Path.of("training/reviews.jsonl")).stream()
                .filter(SpamTraining.Labelled::heldOut).toList();

        SpamTraining.Quality quality = SpamTraining.Quality.of(model, heldOut);
        System.out.printf("spam model %s on %d held-out reviews: %s (recorded: precision %s, recall %s)%n", model.version(), heldOut.size(),
                quality, recorded.getProperty("heldout.reviews.precision"), recorded.getProperty("heldout.reviews.recall"));

        assertThat(model.version()).isEqualTo(recorded.getProperty("version"));
        assertThat(heldOut).hasSize(Integer.parseInt(recorded.getProperty("heldout.reviews.examples")));
        assertThat(quality.precision()).isGreaterThanOrEqualTo(Double.parseDouble(recorded.getProperty("heldout.reviews.precision")) - 1e-4);
        assertThat(quality.recall()).isGreaterThanOrEqualTo(Double.parseDouble(recorded.getProperty("heldout.reviews.recall")) - 1e-4);
    }
}
