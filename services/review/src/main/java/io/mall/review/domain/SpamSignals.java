package io.mall.review.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What besides its words gives review spam away: a link, a way to be contacted off the shop, a run
 * of the same character or word; the same text from other accounts; a burst of reviews from one.
 * Each adds its weight to the model's log-odds: the model reads how a text is written, these read
 * what it is for.
 */
public final class SpamSignals {

    /** One sign of spam, with the log-odds it adds. */
    public record Signal(String name, double weight) {
    }

    static final Signal LINK = new Signal("link", 3.0);
    static final Signal CONTACT = new Signal("contact", 2.5);
    static final Signal REPEATS = new Signal("repeats", 1.5);
    static final Signal SAME_TEXT_ELSEWHERE = new Signal("same-text-elsewhere", 3.0);
    static final Signal BURST = new Signal("burst", 2.0);

    /** Reviews by one account within an hour past which they look like a campaign. */
    public static final int BURST_SIZE = 5;

    private static final Pattern LINKS = Pattern.compile(
            "https?://|www\\s?\\.|\\b[a-z0-9-]{2,}\\s?(\\.|\\(\\.\\)|\\[\\.\\]| dot |닷|쩜|점)\\s?(com|net|org|kr|co|io|ly|me|shop|xyz|top|info|biz|link|site|store|gg|cc)\\b");
    private static final Pattern CONTACTS = Pattern.compile(
            "\\+?0(?:[ .-]?0){8,}|카톡|카카오톡|오픈\\s?채팅|오픈톡|텔레그램|라인\\s?아이디|kakao|telegram|whatsapp|wechat|line\\s?id|dm\\s?me|문의\\s?주세요|연락\\s?주세요");
    private static final Pattern RUNS = Pattern.compile("(.)\\1{9,}|\\b(\\S{2,})(\\s+\\2\\b){3,}");

    private SpamSignals() {
    }

    /** The signs in the text itself (read folded: digits as 0, lower case). */
    public static List<Signal> inText(String text) {
        String folded = TextFeatures.fold(text);
        List<Signal> found = new ArrayList<>();
        if (LINKS.matcher(folded).find()) {
            found.add(LINK);
        }
        if (CONTACTS.matcher(folded).find()) {
            found.add(CONTACT);
        }
        if (RUNS.matcher(folded).find()) {
            found.add(REPEATS);
        }
        return found;
    }

    /**
     * The signs in how the account behaves.
     *
     * @param otherAuthorsWithSameText accounts that wrote this same text (folded) recently
     * @param recentByAuthor           reviews the author wrote in the last hour, this one included
     */
    public static List<Signal> inBehaviour(long otherAuthorsWithSameText, long recentByAuthor) {
        List<Signal> found = new ArrayList<>();
        if (otherAuthorsWithSameText > 0) {
            found.add(SAME_TEXT_ELSEWHERE);
        }
        if (recentByAuthor >= BURST_SIZE) {
            found.add(BURST);
        }
        return found;
    }
}
