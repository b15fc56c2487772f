package io.mall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Mall service ({@code services/<name>/target/quarkus-app}) running as a process of its
 * own on a free port, with stores of its own on the local servers: a database of its own on
 * PostgreSQL, a database name on MongoDB, a key prefix on Redis, and this run's topic prefix on
 * Kafka, shared by every service of the run so that they talk to each other. Every service trusts
 * the {@link TestTokens} key, with which the user service started here also signs. For journeys
 * across services, and for killing one in the middle of one.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final List<String> command;
    private final PostgresTestDatabase database;
    private final String baseUrl;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, List<String> command, PostgresTestDatabase database, String baseUrl, Path log) {
        this.name = name;
        this.command = command;
        this.database = database;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts service {@code name} on the {@code stores} it keeps its data in, with {@code configuration}
     * on top of what the run gives every service, and waits until it is ready.
     */
    public static ServiceProcess start(String name, Set<LocalServer> stores, Map<String, String> configuration) {
        Path jar = LocalServers.repositoryRoot().resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the " + name + " service first");
        }
        List<LocalServer> servers = new ArrayList<>(stores);
        servers.add(LocalServer.KAFKA);
        LocalServers.ensureUp(servers);
        int port = LocalServers.freePort();
        Map<String, String> config = new LinkedHashMap<>(TestTokens.verificationConfig());
        config.put("quarkus.http.port", String.valueOf(port));
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("kafka.bootstrap.servers", LocalServer.HOST + ":" + LocalServer.KAFKA.port());
        config.put("mall.kafka.topic-prefix", TestRun.ID + ".");
        config.put("quarkus.log.console.json.enabled", "false");
        PostgresTestDatabase database = null;
        if (stores.contains(LocalServer.POSTGRES)) {
            database = new PostgresTestDatabase(name);
            database.create();
            String address = LocalServer.HOST + ":" + LocalServer.POSTGRES.port() + "/" + database.name();
            config.put("quarkus.datasource.reactive.url", "postgresql://" + address);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address);
            config.put("quarkus.datasource.username", database.role());
            config.put("quarkus.datasource.password", database.password());
        }
        if (stores.contains(LocalServer.MONGO)) {
            config.put("quarkus.mongodb.connection-string", "mongodb://" + LocalServer.HOST + ":" + LocalServer.MONGO.port());
            config.put("quarkus.mongodb.database", "mall_" + name + "_" + TestRun.ID + "_" + UUID.randomUUID().toString().substring(0, 8));
        }
        if (stores.contains(LocalServer.REDIS)) {
            config.put("quarkus.redis.hosts", "redis://" + LocalServer.HOST + ":" + LocalServer.REDIS.port());
            config.put("mall.redis.key-prefix", TestRun.ID + ":" + name + ":");
        }
        config.putAll(configuration);
        try {
            Path work = Files.createTempDirectory("mall-" + name + "-service-");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m"));
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            ServiceProcess service = new ServiceProcess(name, command, database, "http://127.0.0.1:" + port, work.resolve(name + ".log"));
            service.launch();
            return service;
        } catch (IOException e) {
            if (database != null) {
                database.drop();
            }
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String name() {
        return name;
    }

    /** Ends the process at once, as a crash or {@code kill -9} would: nothing is flushed or closed. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the service again on the same port and stores, after {@link #kill()}, and waits until it is ready. */
    public void restart() {
        launch();
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " service exited while starting:\n" + tail());
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
        throw new IllegalStateException("the " + name + " service was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    /** The last lines the service logged, for a failure's message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.drop();
        }
    }
}
