package io.mall.review.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.codecs.pojo.annotations.BsonId;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotPermitted;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A shopper's review of a product they received, one per product per order. Its author may edit it
 * for {@link #EDIT_WINDOW} (an edit is screened and, if need be, moderated again) and take it back;
 * readers vote it helpful once each (never on their own) and report abuse; staff moderate and reply.
 * Every change is one conditional update on {@code revision}, so two changes decided on the same
 * revision cannot both be written.
 */
@MongoEntity(collection = "reviews")
public class Review {

    public static final Duration EDIT_WINDOW = Duration.ofDays(30);
    public static final int MAX_IMAGES = 5;
    public static final int MAX_TITLE = 100;
    public static final int MAX_TEXT = 5_000;
    /** distinct readers' reports after which an approved review goes back to the moderators */
    public static final int REPORTS_TO_RECHECK = 3;

    @BsonId
    public String id;
    public String productId;
    public String orderId;
    /** null once the author's account was erased: the review stays, anonymous */
    public String authorId;
    public int rating;
    public String title;
    public String text;
    public List<String> images = new ArrayList<>();
    /** {@code ko} or {@code en}: Korean when the text has Hangul */
    public String language;
    public ReviewStatus status;
    public double spamScore;
    public List<String> spamSignals = new ArrayList<>();
    /** the folded text's hash, to find the same text from other accounts */
    public String textHash;
    public long helpful;
    public List<String> voters = new ArrayList<>();
    public List<String> reporters = new ArrayList<>();
    public List<String> reportReasons = new ArrayList<>();
    public Reply reply;
    public List<Decision> decisions = new ArrayList<>();
    public Instant createdAt;
    public Instant updatedAt;
    public long revision;
    /** whether the product's statistics count this review as it now is (set once they do) */
    public boolean counted;

    /** Writes a new review; its status comes from the spam filter. */
    public static Review write(String productId, String orderId, String authorId, int rating, String title, String text, List<String> images,
            Instant now) {
        Review review = new Review();
        review.id = UUID.randomUUID().toString();
        review.productId = productId;
        review.orderId = orderId;
        review.authorId = authorId;
        review.createdAt = now;
        review.status = ReviewStatus.PENDING;
        review.fill(rating, title, text, images, now);
        return review;
    }

    /** The author's edit, within the window; what the filter says of it comes after. */
    public void edit(String editor, int rating, String title, String text, List<String> images, Instant now) {
        requireAuthor(editor);
        if (status == ReviewStatus.DELETED) {
            throw new Conflict("the review was deleted");
        }
        if (now.isAfter(createdAt.plus(EDIT_WINDOW))) {
            throw new NotPermitted("a review can be edited for " + EDIT_WINDOW.toDays() + " days after it was written");
        }
        fill(rating, title, text, images, now);
    }

    /** The spam filter's view of the text as it now is, and the status it leads to. */
    public void screened(double score, List<String> signals, ReviewStatus outcome, Instant now) {
        spamScore = score;
        spamSignals = new ArrayList<>(signals);
        decide(outcome, "spam-filter", String.format(Locale.ROOT, "spam score %.3f%s", score,
                signals.isEmpty() ? "" : " " + signals), now);
    }

    public void delete(String by, Instant now) {
        requireAuthor(by);
        if (status == ReviewStatus.DELETED) {
            throw new Conflict("the review was deleted already");
        }
        decide(ReviewStatus.DELETED, "author", null, now);
    }

    /** A moderator approves or rejects it (a rejection says why); an approved one may be taken down, a rejected one approved. */
    public void moderate(ReviewStatus outcome, String moderator, String reason, Instant now) {
        if (outcome != ReviewStatus.APPROVED && outcome != ReviewStatus.REJECTED) {
            throw new BrokenRule("status", "a moderator approves or rejects");
        }
        if (status == ReviewStatus.DELETED) {
            throw new Conflict("the review was deleted by its author");
        }
        if (status == outcome) {
            throw new Conflict("the review is " + status + " already");
        }
        if (outcome == ReviewStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw new BrokenRule("reason", "say why the review is rejected");
        }
        decide(outcome, moderator, reason, now);
    }

    /** A reader's vote; one each, never the author's own. */
    public void voteHelpful(String voter) {
        requirePublic();
        if (voter.equals(authorId)) {
            throw new NotPermitted("authors cannot vote for their own review");
        }
        if (voters.contains(voter)) {
            throw new Conflict("you voted for this review already");
        }
        voters.add(voter);
        helpful++;
    }

    /** A reader's report of abuse; one each. Enough of them send an approved review back to the moderators. */
    public void report(String reporter, String reason, Instant now) {
        requirePublic();
        if (reporters.contains(reporter)) {
            throw new Conflict("you reported this review already");
        }
        reporters.add(reporter);
        reportReasons.add(reason);
        if (reporters.size() >= REPORTS_TO_RECHECK && status == ReviewStatus.APPROVED) {
            decide(ReviewStatus.PENDING, "reports", reporters.size() + " readers reported it", now);
        }
    }

    public void reply(String text, String by, Instant now) {
        if (status == ReviewStatus.DELETED) {
            throw new Conflict("the review was deleted by its author");
        }
        reply = new Reply(text, by, now);
        updatedAt = now;
    }

    /** The author's account was erased: the review stays, without its author. */
    public void forgetAuthor() {
        authorId = null;
    }

    /** The rating the product's statistics should count for it, or null when it is not to be counted. */
    public Integer countsAs() {
        return status == ReviewStatus.APPROVED ? rating : null;
    }

    public boolean isPublic() {
        return status == ReviewStatus.APPROVED;
    }

    private void decide(ReviewStatus outcome, String by, String reason, Instant now) {
        status = outcome;
        decisions.add(new Decision(outcome, by, reason, now));
        updatedAt = now;
        counted = false;
    }

    private void fill(int rating, String title, String text, List<String> images, Instant now) {
        if (rating < 1 || rating > 5) {
            throw new BrokenRule("rating", "rate from 1 to 5");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new BrokenRule("text", "write what you think of it");
        }
        if (body.length() > MAX_TEXT) {
            throw new BrokenRule("text", "at most " + MAX_TEXT + " characters");
        }
        String heading = title == null ? "" : title.strip();
        if (heading.length() > MAX_TITLE) {
            throw new BrokenRule("title", "at most " + MAX_TITLE + " characters");
        }
        List<String> links = images == null ? List.of() : images;
        if (links.size() > MAX_IMAGES) {
            throw new BrokenRule("images", "at most " + MAX_IMAGES + " images");
        }
        for (int i = 0; i < links.size(); i++) {
            if (!isHttpsUrl(links.get(i))) {
                throw new BrokenRule("images[" + i + "]", "an image is an https URL");
            }
        }
        this.rating = rating;
        this.title = heading;
        this.text = body;
        this.images = new ArrayList<>(links);
        this.language = body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL) ? "ko" : "en";
        this.textHash = hash(TextFeatures.fold(heading + " " + body));
        this.updatedAt = now;
    }

    private void requireAuthor(String who) {
        if (who == null || !who.equals(authorId)) {
            throw new NotPermitted("only its author may change a review");
        }
    }

    private void requirePublic() {
        if (!isPublic()) {
            throw new io.mall.domain.NotFound("no review " + id);
        }
    }

    static boolean isHttpsUrl(String link) {
        if (link == null || link.length() > 2_000) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank() && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String hash(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
