package io.mall.product.domain;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly names: lower case, words joined by '-', Hangul and other letters kept. */
public final class Slugs {

    private Slugs() {
    }

    public static String of(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "category" : slug;
    }
}
