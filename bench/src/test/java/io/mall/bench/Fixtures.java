package io.mall.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Data a run needs, made or found through the API before the load starts. */
final class Fixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    // a variant: "sku":"...","options":{...},...,"available":N
    private static final Pattern VARIANT = Pattern.compile("\"sku\":\"([^\"]+)\",\"options\":\\{[^}]*\\},[^}]*?\"available\":(\\d+)");

    private Fixtures() {
    }

    /** Registers {@code count} shoppers (ignoring ones that exist from an earlier run); returns their emails. */
    static List<String> shoppers(int count, String password) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-shopper-" + i + "@mall.test";
            int status = post("/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"" + password
                    + "\",\"displayName\":\"Bench " + i + "\",\"locale\":\"ko\"}");
            if (status != 201 && status != 409) {
                throw new IllegalStateException("registering " + email + " answered " + status);
            }
            emails.add(email);
        }
        return emails;
    }

    /** SKUs with plenty of stock, from the first products of the catalog. */
    static List<String> skusInStock(int wanted) {
        List<String> skus = new ArrayList<>();
        String page = get("/api/v1/products?inStock=true&size=100&sort=newest");
        Matcher ids = ID.matcher(page);
        while (ids.find() && skus.size() < wanted) {
            Matcher variants = VARIANT.matcher(get("/api/v1/products/" + ids.group(1)));
            while (variants.find()) {
                if (Integer.parseInt(variants.group(2)) >= 50) {
                    skus.add(variants.group(1));
                }
            }
        }
        if (skus.isEmpty()) {
            throw new IllegalStateException("no SKU with stock: load the demo catalog first (./mall up does)");
        }
        return skus;
    }

    private static String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Settings.BASE + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path + " from " + Settings.BASE + ": " + e.getMessage(), e);
        }
    }

    private static int post(String path, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Settings.BASE + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("cannot post to " + Settings.BASE + path + ": " + e.getMessage(), e);
        }
    }
}
