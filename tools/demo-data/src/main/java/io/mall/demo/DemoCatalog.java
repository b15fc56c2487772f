package io.mall.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.datafaker.Faker;

/**
 * Fills the catalog up to a number of products through the public API, signed in as an administrator:
 *
 * <pre>
 * java -jar tools/demo-data/target/demo-data.jar --products 1000 \
 *     --users http://127.0.0.1:8081 --catalog http://127.0.0.1:8082 --email admin@mall.local --password ...
 * </pre>
 *
 * Half the products are named in Korean, half in English; prices are whole won; every product
 * has one to four variants with sizes or colours and opening stock (some sold out). The same
 * seed makes the same catalog, whether it is loaded at once or topped up in steps (1,000 now, 100,000
 * for a benchmark later): products already there are generated again but not sent. Does nothing
 * when the catalog has that many products already.
 */
public final class DemoCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Korean category, English category, Korean item words, English item words, option kind. */
    private record Department(String korean, String english, List<String> koreanItems, List<String> englishItems, String option) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("신발", "Shoes", List.of("러닝화", "운동화", "스니커즈", "등산화", "구두", "슬리퍼", "부츠"),
                    List.of("Running Shoe", "Sneaker", "Hiking Boot", "Loafer", "Sandal", "Trail Runner"), "size"),
            new Department("의류", "Clothing", List.of("티셔츠", "후드티", "청바지", "재킷", "원피스", "니트", "패딩"),
                    List.of("T-Shirt", "Hoodie", "Jeans", "Jacket", "Dress", "Sweater", "Parka"), "size"),
            new Department("가방", "Bags", List.of("백팩", "토트백", "크로스백", "여행가방", "파우치"),
                    List.of("Backpack", "Tote Bag", "Crossbody Bag", "Suitcase", "Pouch"), "colour"),
            new Department("주방", "Kitchen", List.of("프라이팬", "냄비", "텀블러", "도마", "칼 세트"),
                    List.of("Frying Pan", "Stock Pot", "Tumbler", "Cutting Board", "Knife Set"), "colour"),
            new Department("전자기기", "Electronics", List.of("무선 이어폰", "블루투스 스피커", "보조배터리", "스마트워치", "키보드"),
                    List.of("Wireless Earbuds", "Bluetooth Speaker", "Power Bank", "Smartwatch", "Keyboard"), "colour"),
            new Department("스포츠", "Sports", List.of("요가매트", "덤벨", "축구공", "캠핑 의자", "텐트"),
                    List.of("Yoga Mat", "Dumbbell", "Football", "Camping Chair", "Tent"), "colour"));

    private static final List<String> KOREAN_ADJECTIVES = List.of("초경량", "프리미엄", "데일리", "클래식", "에센셜", "빈티지",
            "방수", "오가닉", "슬림핏", "와이드", "컴팩트", "프로");
    private static final List<String> KOREAN_COLOURS = List.of("블랙", "화이트", "네이비", "베이지", "그레이", "카키", "레드");
    private static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");
    private static final List<String> SHOE_SIZES = List.of("230", "240", "250", "260", "270", "280");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int count = Integer.parseInt(options.getOrDefault("products", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261124"));
        String users = options.getOrDefault("users", "http://127.0.0.1:8081");
        String catalog = options.getOrDefault("catalog", "http://127.0.0.1:8082");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long existing = get(http, catalog + "/api/v1/products?size=1").path("total").asLong();
        if (existing >= count) {
            System.out.println("demo data: the catalog has " + existing + " products already; nothing to do");
            return;
        }
        String token = post(http, users + "/api/v1/auth/login", null,
                Map.of("email", required(options, "email"), "password", required(options, "password"))).path("accessToken").asText();

        Random random = new Random(seed);
        Faker english = new Faker(Locale.ENGLISH, random);
        List<String> brands = new ArrayList<>(List.of("나이키", "아디다스", "뉴발란스", "무신사 스탠다드", "에잇세컨즈", "락앤락", "삼성",
                "LG", "블랙야크", "코오롱스포츠"));
        for (int i = 0; i < 20; i++) {
            brands.add(english.company().name().replaceAll("[,.]", ""));
        }

        long started = System.nanoTime();
        List<JsonNode> known = new ArrayList<>();
        get(http, catalog + "/api/v1/categories").forEach(known::add);
        Map<Department, List<String>> categories = new LinkedHashMap<>();
        for (Department department : DEPARTMENTS) {
            String parent = category(http, catalog, token, known, department.korean() + " " + department.english(), null);
            List<String> children = new ArrayList<>();
            for (String child : List.of("베스트 Best", "신상품 New")) {
                children.add(category(http, catalog, token, known, department.english() + " " + child, parent));
            }
            categories.put(department, children);
        }

        Semaphore inFlight = new Semaphore(8);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger there = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Department department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
            List<String> children = categories.get(department);
            Map<String, Object> product = product(i, department, children.get(random.nextInt(children.size())),
                    brands.get(random.nextInt(brands.size())), random, english);
            if (i < existing) {
                continue; // loaded by an earlier run with the same seed
            }
            inFlight.acquire();
            all.add(createProduct(http, catalog, token, product).whenComplete((isNew, failure) -> {
                inFlight.release();
                if (Boolean.FALSE.equals(isNew)) {
                    there.incrementAndGet();
                } else if (failure == null && created.incrementAndGet() % 250 == 0) {
                    System.out.println("demo data: " + created.get() + " products");
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        System.out.printf("demo data: %d categories, %d products added to %d (%d there already) in %.1f s%n", DEPARTMENTS.size() * 3,
                created.get(), existing, there.get(), (System.nanoTime() - started) / 1e9);
    }

    /** The category of that name under that parent, created when the catalog has none. */
    private static String category(HttpClient http, String catalog, String token, List<JsonNode> known, String name, String parentId)
            throws Exception {
        for (JsonNode category : known) {
            String itsParent = category.hasNonNull("parentId") ? category.get("parentId").asText() : null;
            if (category.path("name").asText().equals(name) && java.util.Objects.equals(itsParent, parentId)) {
                return category.path("id").asText();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        JsonNode created = post(http, catalog + "/api/v1/categories", token, body);
        known.add(created);
        return created.path("id").asText();
    }

    private static Map<String, Object> product(int index, Department department, String categoryId, String brand, Random random,
            Faker english) {
        boolean korean = index % 2 == 0;
        String colour = korean ? pick(KOREAN_COLOURS, random) : english.color().name();
        String material = english.commerce().material();
        String name = korean
                ? pick(KOREAN_ADJECTIVES, random) + " " + pick(department.koreanItems(), random) + " " + colour
                : english.commerce().productName().split(" ")[0] + " " + material + " " + pick(department.englishItems(), random);
        String description = korean
                ? brand + "의 " + pick(department.koreanItems(), random) + "입니다. " + pick(KOREAN_ADJECTIVES, random)
                        + " 디자인으로 매일 편하게 사용할 수 있습니다."
                : english.lorem().sentence(12) + " Made of " + material.toLowerCase(Locale.ROOT) + ".";
        long price = (5_000 + random.nextInt(300) * 1_000L);
        List<Map<String, Object>> variants = new ArrayList<>();
        List<String> choices = department.option().equals("size")
                ? (department.english().equals("Shoes") ? SHOE_SIZES : SIZES)
                : List.of("Black", "White", "Navy", "Beige");
        int variantCount = 1 + random.nextInt(4);
        for (int v = 0; v < variantCount && v < choices.size(); v++) {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("sku", "DEMO-" + index + "-" + v);
            variant.put("options", Map.of(department.option(), choices.get(v)));
            variant.put("price", price + v * 1_000L);
            variant.put("currency", "KRW");
            variant.put("weightGrams", 100 + random.nextInt(2_000));
            variant.put("stock", random.nextInt(10) == 0 ? 0 : random.nextInt(200));
            variant.put("lowStockThreshold", 5);
            variants.add(variant);
        }
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", name);
        product.put("brand", brand);
        product.put("description", description);
        product.put("images", List.of("https://img.mall.local/demo/" + index + ".jpg"));
        product.put("categoryId", categoryId);
        product.put("attributes", Map.of("colour", colour, "material", material, "season",
                pick(List.of("SS", "FW", "ALL"), random)));
        product.put("variants", variants);
        return product;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return checked(response, url);
    }

    private static JsonNode post(HttpClient http, String url, String token, Object body) throws Exception {
        return checked(http.send(request(url, token, body), HttpResponse.BodyHandlers.ofString()), url);
    }

    /**
     * True when the product was created; false when its SKUs exist already (an interrupted earlier
     * run created it while the count it started from was taken).
     */
    private static CompletableFuture<Boolean> createProduct(HttpClient http, String catalog, String token, Object product)
            throws Exception {
        String url = catalog + "/api/v1/products";
        return http.sendAsync(request(url, token, product), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 409) {
                return false;
            }
            try {
                checked(response, url);
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static HttpRequest request(String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static JsonNode checked(HttpResponse<String> response, String url) throws Exception {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
