package io.mall.review.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the spam filter reads of a text: Lucene's character n-grams (two to four characters) of the
 * text folded to one form, so Korean needs no word splitter and a word written with odd spacing or
 * full-width letters reads as itself. Digits fold to {@code 0}: a phone number or a price is a
 * pattern, not a number to remember.
 */
public final class TextFeatures {

    static final int SHORTEST = 2;
    static final int LONGEST = 4;
    /** a review is short; a longer text (a mail of the training corpus) says what it says in this much */
    static final int READ_AT_MOST = 4_000;

    private TextFeatures() {
    }

    /** The text folded: NFKC, lower case, digits as {@code 0}, runs of white space as one space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\p{Nd}", "0").replaceAll("\\s+", " ").strip();
        return folded.length() > READ_AT_MOST ? folded.substring(0, READ_AT_MOST) : folded;
    }

    public static List<String> of(String text) {
        String folded = fold(text);
        List<String> grams = new ArrayList<>(folded.length() * 3);
        try (NGramTokenizer tokenizer = new NGramTokenizer(SHORTEST, LONGEST)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.setReader(new StringReader(folded));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                grams.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grams;
    }
}
