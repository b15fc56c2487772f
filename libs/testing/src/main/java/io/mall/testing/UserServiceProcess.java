package io.mall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The packaged user service, running as its own process next to the service under test, so a
 * test can sign in for real and use the token it gets. It signs with the {@link TestTokens} key
 * pair and issuer, which the service under test already trusts: the token a shopper gets from
 * the user service is accepted by the other services exactly as in production.
 */
public final class UserServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final PostgresTestDatabase database;
    private final String baseUrl;
    private final Path log;

    private UserServiceProcess(Process process, PostgresTestDatabase database, String baseUrl, Path log) {
        this.process = process;
        this.database = database;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts the user service built by this checkout ({@code services/user/target/quarkus-app}) and waits until it is ready. */
    public static UserServiceProcess start() {
        return start(java.util.Map.of());
    }

    /** As {@link #start()}, with more of the user service's configuration (e.g. registered service clients). */
    public static UserServiceProcess start(java.util.Map<String, String> configuration) {
        Path root = LocalServers.repositoryRoot();
        Path jar = root.resolve("services/user/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the user service first (./mvnw -pl services/user package)");
        }
        LocalServers.ensureUp(List.of(LocalServer.POSTGRES, LocalServer.KAFKA));
        PostgresTestDatabase database = new PostgresTestDatabase("user");
        database.create();
        int port = LocalServers.freePort();
        String address = LocalServer.HOST + ":" + LocalServer.POSTGRES.port() + "/" + database.name();
        try {
            Path work = Files.createTempDirectory("mall-user-service-");
            TestTokens.writeSigningKey(work.resolve("signing-keys"));
            byte[] personalDataKey = new byte[32];
            new SecureRandom().nextBytes(personalDataKey);
            byte[] pepper = new byte[32];
            new SecureRandom().nextBytes(pepper);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.datasource.reactive.url=postgresql://" + address,
                    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + address,
                    "-Dquarkus.datasource.username=" + database.role(),
                    "-Dquarkus.datasource.password=" + database.password(),
                    "-Dkafka.bootstrap.servers=" + LocalServer.HOST + ":" + LocalServer.KAFKA.port(),
                    "-Dmall.kafka.topic-prefix=" + TestRun.ID + ".",
                    "-Dmall.user.signing-keys.dir=" + work.resolve("signing-keys"),
                    "-Dmall.user.personal-data.active-key=test",
                    "-Dmall.user.personal-data.keys.test=" + Base64.getEncoder().encodeToString(personalDataKey),
                    "-Dmall.user.password-pepper=" + Base64.getEncoder().encodeToString(pepper),
                    "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                    "-Dmp.jwt.verify.audiences=" + TestTokens.AUDIENCE,
                    "-Dmp.jwt.verify.publickey.location=http://127.0.0.1:" + port + "/api/v1/auth/jwks",
                    "-Dquarkus.log.console.json.enabled=false"));
            configuration.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            Path log = work.resolve("user.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            UserServiceProcess user = new UserServiceProcess(process, database, "http://127.0.0.1:" + port, log);
            user.awaitReady();
            return user;
        } catch (IOException e) {
            database.drop();
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("the user service exited while starting:\n" + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the user service was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        database.drop();
    }

}
