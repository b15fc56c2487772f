package io.mall.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.mall.testing.LocalServer;
import io.mall.testing.ServiceProcess;
import io.mall.testing.UserServiceProcess;

/**
 * The shop as a customer meets it: the user, product, cart, payment, shipping, order, notification and review services,
 * each its own process on the local servers, configured as in production but for their secrets
 * (made for this run) and the simulated carrier's pace (a parcel in seconds).
 */
final class Mall implements AutoCloseable {

    final ServiceProcess user;
    final ServiceProcess product;
    final ServiceProcess cart;
    final ServiceProcess payment;
    final ServiceProcess shipping;
    final ServiceProcess order;
    final ServiceProcess notification;
    final ServiceProcess review;

    private Mall(ServiceProcess user, ServiceProcess product, ServiceProcess cart, ServiceProcess payment, ServiceProcess shipping,
            ServiceProcess order, ServiceProcess notification, ServiceProcess review) {
        this.user = user;
        this.product = product;
        this.cart = cart;
        this.payment = payment;
        this.shipping = shipping;
        this.order = order;
        this.notification = notification;
        this.review = review;
    }

    /** Every service started and ready; the user service first, whose token endpoint the others use. */
    static Mall open() throws Exception {
        Map<String, String> secrets = Map.of("cart", secret(), "shipping", secret(), "order", secret(), "notification", secret());
        Map<String, String> clients = new HashMap<>();
        secrets.forEach((client, secret) -> clients.put("mall.user.service-clients." + client + ".secret-sha256", sha256(secret)));
        ServiceProcess user = UserServiceProcess.start(clients).service();
        try {
            CompletableFuture<ServiceProcess> product = start("product", Set.of(LocalServer.MONGO), Map.of());
            CompletableFuture<ServiceProcess> payment = start("payment", Set.of(LocalServer.POSTGRES), Map.of());
            // mail to the SMTP sink; texts and pushes to the sandboxes
            Map<String, String> notificationConfig = new HashMap<>(client(user, "notification", secrets));
            notificationConfig.put("quarkus.rest-client.user.url", user.baseUrl());
            CompletableFuture<ServiceProcess> notification = start("notification", Set.of(LocalServer.POSTGRES, LocalServer.SMTP), notificationConfig);
            CompletableFuture<ServiceProcess> review = start("review", Set.of(LocalServer.MONGO), Map.of());
            ServiceProcess productService = product.join();
            Map<String, String> shippingConfig = new HashMap<>(client(user, "shipping", secrets));
            shippingConfig.put("quarkus.rest-client.product.url", productService.baseUrl());
            shippingConfig.put("mall.shipping.personal-data.active-key", "journey");
            shippingConfig.put("mall.shipping.personal-data.keys.journey", key());
            // a standard parcel's day and a half in about two seconds, never a failed attempt
            shippingConfig.put("mall.shipping.simulated-carrier.speed", "100000");
            shippingConfig.put("mall.shipping.simulated-carrier.failed-attempt-rate", "0");
            CompletableFuture<ServiceProcess> shipping = start("shipping", Set.of(LocalServer.POSTGRES), shippingConfig);
            Map<String, String> cartConfig = new HashMap<>(client(user, "cart", secrets));
            cartConfig.put("quarkus.rest-client.product.url", productService.baseUrl());
            CompletableFuture<ServiceProcess> cart = start("cart", Set.of(LocalServer.REDIS), cartConfig);
            ServiceProcess shippingService = shipping.join();
            ServiceProcess cartService = cart.join();
            Map<String, String> orderConfig = new HashMap<>(client(user, "order", secrets));
            orderConfig.put("quarkus.rest-client.product.url", productService.baseUrl());
            orderConfig.put("quarkus.rest-client.cart.url", cartService.baseUrl());
            orderConfig.put("quarkus.rest-client.shipping.url", shippingService.baseUrl());
            ServiceProcess order = ServiceProcess.start("order", Set.of(LocalServer.POSTGRES), orderConfig);
            return new Mall(user, productService, cartService, payment.join(), shippingService, order, notification.join(), review.join());
        } catch (RuntimeException e) {
            user.close();
            throw e;
        }
    }

    private static CompletableFuture<ServiceProcess> start(String name, Set<LocalServer> stores, Map<String, String> config) {
        return CompletableFuture.supplyAsync(() -> ServiceProcess.start(name, stores, config));
    }

    /** What a service that calls /internal endpoints needs: the user service's token endpoint and its own secret there. */
    private static Map<String, String> client(ServiceProcess user, String name, Map<String, String> secrets) {
        return Map.of("quarkus.oidc-client.auth-server-url", user.baseUrl() + "/api/v1/auth",
                "quarkus.oidc-client.client-id", name,
                "quarkus.oidc-client.credentials.secret", secrets.get(name));
    }

    private static String secret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String key() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of every service's log, for a failure's message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess service : List.of(user, product, cart, payment, shipping, order, notification, review)) {
            text.append("\n--- ").append(service.name()).append(" ---\n").append(service.tail());
        }
        return text.toString();
    }

    @Override
    public void close() {
        for (ServiceProcess service : List.of(review, notification, order, shipping, cart, payment, product, user)) {
            service.close();
        }
    }
}
