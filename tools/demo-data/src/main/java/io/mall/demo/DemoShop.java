package io.mall.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./mall demo shop}: one shopper's visit, told step by step, through the edge as a browser
 * would make it: sign up, search the catalog (in Korean), fill a cart as a guest, sign in and keep
 * that cart, add an address, look at the shipping options, pay by card, and watch the parcel on its
 * way over the live tracking stream; then a summary of what happened where.
 */
public final class DemoShop {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String edge;
    private final Duration watch;
    private int step;

    private DemoShop(String edge, Duration watch) {
        this.edge = edge;
        this.watch = watch;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new DemoShop(options.getOrDefault("edge", "http://127.0.0.1:8080"),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("watch-seconds", "300")))).visit();
    }

    private void visit() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "minji-" + suffix + "@mall.local";
        String password = "demo-" + UUID.randomUUID();

        say("A new shopper signs up: 김민지 <" + email + ">");
        call("POST", "/api/v1/users", null, null, Map.of("email", email, "password", password, "displayName", "김민지",
                "locale", "ko"));

        say("She searches the catalog for \"티셔츠\" (t-shirts)");
        JsonNode found = call("GET", "/api/v1/products?q=" + java.net.URLEncoder.encode("티셔츠", java.nio.charset.StandardCharsets.UTF_8)
                + "&size=5", null, null, null).body();
        if (found.path("items").isEmpty()) {
            detail("nothing by that name; she browses instead");
            found = call("GET", "/api/v1/products?size=5", null, null, null).body();
        }
        if (found.path("items").isEmpty()) {
            throw new IllegalStateException("the catalog is empty: run ./mall demo first");
        }
        detail(found.path("total").asLong() + " products found; the first: " + found.path("items").get(0).path("name").asText());
        JsonNode product = null;
        JsonNode variant = null;
        for (JsonNode item : found.path("items")) {
            JsonNode detail = call("GET", "/api/v1/products/" + item.path("id").asText(), null, null, null).body();
            for (JsonNode candidate : detail.path("variants")) {
                if (candidate.path("available").asInt() >= 2) {
                    product = detail;
                    variant = candidate;
                    break;
                }
            }
            if (variant != null) {
                break;
            }
        }
        if (variant == null) {
            throw new IllegalStateException("nothing in stock among the products found");
        }
        String sku = variant.path("sku").asText();
        detail("she picks " + product.path("name").asText() + " " + variant.path("options") + " at " + won(variant.path("price").asLong())
                + " (" + variant.path("available").asInt() + " in stock)");

        say("Not signed in yet, she puts two in a guest cart");
        Reply added = call("POST", "/api/v1/cart/lines", null, null, Map.of("sku", sku, "quantity", 2));
        String cartToken = added.headers().firstValue("X-Cart-Token").orElseThrow();
        detail("the guest cart: " + added.body().path("itemCount").asInt() + " item(s), " + won(added.body().path("total").asLong()));

        say("She signs in, and the guest cart becomes hers");
        String token = call("POST", "/api/v1/auth/login", null, null, Map.of("email", email, "password", password)).body()
                .path("accessToken").asText();
        JsonNode merged = call("POST", "/api/v1/cart/merge", token, Map.of("X-Cart-Token", cartToken), null).body().path("cart");
        detail("her cart: " + merged.path("itemCount").asInt() + " item(s), " + won(merged.path("total").asLong()));

        say("She adds her home address in Seoul");
        JsonNode address = call("POST", "/api/v1/addresses", token, null, Map.of("label", "집", "recipientName", "김민지",
                "phone", "010-1234-5678", "country", "KR", "postalCode", "06236", "line1", "서울특별시 강남구 테헤란로 152", "line2", "12층"))
                .body();

        say("She looks at the shipping options");
        JsonNode quote = call("POST", "/api/v1/shipping/quotes", null, null, Map.of("destination", Map.of("country", "KR",
                "postalCode", "06236", "line1", "서울특별시 강남구 테헤란로 152"), "lines", java.util.List.of(Map.of("sku", sku, "quantity", 2)),
                "subtotalMinor", merged.path("total").asLong(), "currency", "KRW")).body();
        for (JsonNode option : quote.path("options")) {
            detail(option.path("option").asText() + ": " + won(option.path("fee").asLong()) + ", arrives by " + option.path("promisedBy").asText());
        }

        say("She enters her card in the payment form (the sandbox gateway's test card 4242…)");
        String card = call("POST", "/api/v1/payments/sandbox/tokens", null, null, Map.of("number", "4242424242424242", "expMonth", 12,
                "expYear", Year.now().getValue() + 2, "cvc", "123")).body().path("token").asText();
        detail("the shop never sees the number: it gets a token");

        say("She checks out her cart, express shipping");
        JsonNode placed = call("POST", "/api/v1/orders", token, Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                Map.of("fromCart", true, "addressId", address.path("id").asText(), "shippingOption", "EXPRESS",
                        "payment", Map.of("method", "CARD", "cardToken", card))).body();
        String orderId = placed.path("orderId").asText();
        detail("order " + orderId + " accepted (202); the saga runs: stock, payment, shipment");

        JsonNode order = awaitOrder(token, orderId);
        detail("order " + order.path("status").asText() + ": " + won(order.path("total").asLong()) + " (goods " + won(order.path("subtotal")
                .asLong()) + " + shipping " + won(order.path("shippingFee").asLong()) + ")");
        JsonNode cart = call("GET", "/api/v1/cart", token, null, null).body();
        detail("her cart is " + (cart.path("lines").isEmpty() ? "empty again: what she ordered left it" : "still holding "
                + cart.path("lines").size() + " line(s)"));

        String shipmentId = awaitShipment(token, orderId);
        say("Her parcel is on its way: following the live tracking stream (up to " + watch.toSeconds() + " s)");
        String last = follow(token, shipmentId);

        say("Summary");
        JsonNode timeline = call("GET", "/api/v1/orders/" + orderId + "/events", token, null, null).body();
        StringBuilder types = new StringBuilder();
        timeline.forEach(event -> types.append(types.length() == 0 ? "" : " → ").append(event.path("type").asText()));
        detail("shopper   " + email);
        detail("order     " + orderId + ", " + call("GET", "/api/v1/orders/" + orderId, token, null, null).body().path("status").asText());
        detail("timeline  " + types);
        detail("parcel    " + last);
        List<String> subjects = mail(email);
        detail("emails    " + subjects.size() + " at the mail sink (http://127.0.0.1:8025/api/user/" + email + "/messages/)");
        subjects.forEach(subject -> detail("          " + subject));
    }

    /** The subjects of the mail the shopper got, from the local SMTP sink's API; the order's last ones may still be on their way. */
    private List<String> mail(String email) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8025/api/user/"
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "/messages/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            subjects.clear();
            if (answer.statusCode() == 200) {
                JSON.readTree(answer.body()).forEach(message -> subjects.add(message.path("subject").asText()));
            }
            if (subjects.stream().anyMatch(subject -> subject.startsWith("배송이 완료되었습니다") || subject.startsWith("Delivered"))) {
                break;
            }
            Thread.sleep(500);
        }
        return subjects;
    }

    private JsonNode awaitOrder(String token, String orderId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String seen = "";
        while (Instant.now().isBefore(deadline)) {
            JsonNode order = call("GET", "/api/v1/orders/" + orderId, token, null, null).body();
            String status = order.path("status").asText();
            if (!status.equals(seen)) {
                detail("… " + status);
                seen = status;
            }
            if (!status.equals("RECEIVED") && !status.equals("STOCK_RESERVED")) {
                return order;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("order " + orderId + " is still " + seen + " after a minute");
    }

    private String awaitShipment(String token, String orderId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Reply shipments = call("GET", "/api/v1/shipments?orderId=" + orderId, token, null, null, 404);
            if (shipments.status() == 200 && shipments.body().size() > 0) {
                JsonNode shipment = shipments.body().get(0);
                detail(shipment.path("carrier").asText() + " labelled it " + shipment.path("trackingNumber").asText() + ", promised by "
                        + shipment.path("promisedBy").asText());
                return shipment.path("id").asText();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no shipment for order " + orderId + " after a minute");
    }

    /** Prints each tracking event as the stream sends it, until delivered or the time is up; answers the last one. */
    private String follow(String token, String shipmentId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(edge + "/api/v1/shipments/" + shipmentId + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).timeout(watch).build();
        String last = "no news yet";
        Instant until = Instant.now().plus(watch);
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            Iterator<String> lines = response.body().iterator();
            while (Instant.now().isBefore(until) && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    JsonNode event = JSON.readTree(line.substring(5).strip());
                    last = event.path("status").asText() + (event.hasNonNull("place") ? " at " + event.path("place").asText() : "");
                    detail("#" + event.path("seq").asInt() + " " + last);
                    if ("DELIVERED".equals(event.path("status").asText())) {
                        break;
                    }
                }
            }
        } catch (java.net.http.HttpTimeoutException stillMoving) {
            detail("(stopped watching; the parcel keeps moving: GET /api/v1/shipments/" + shipmentId + ")");
        }
        return last;
    }

    private record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private Reply call(String method, String path, String token, Map<String, String> headers, Object body, int... alsoFine) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edge + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        boolean fine = response.statusCode() < 300 || java.util.Arrays.stream(alsoFine).anyMatch(code -> code == response.statusCode());
        if (!fine) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode parsed = response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), parsed, response.headers());
    }

    private void say(String what) {
        System.out.printf("%n%2d. %s%n", ++step, what);
    }

    private static void detail(String what) {
        System.out.println("    " + what);
    }

    private static String won(long amount) {
        return String.format("₩%,d", amount);
    }
}
