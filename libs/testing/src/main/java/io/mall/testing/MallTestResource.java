package io.mall.testing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at the real local servers, isolated from every other run, and makes
 * it trust tokens from {@link TestTokens}. Use it as
 *
 * <pre>
 * &#64;QuarkusTestResource(value = MallTestResource.class, initArgs = {
 *         &#64;ResourceArg(name = "service", value = "order"),
 *         &#64;ResourceArg(name = "servers", value = "postgres,kafka") })
 * </pre>
 *
 * What it isolates: PostgreSQL by a database of the run's own; MongoDB by a database name; Redis by
 * a key prefix the service puts before every key ({@code mall.redis.key-prefix}); Kafka by a topic
 * prefix ({@code mall.kafka.topic-prefix}) and consumer group names that contain the run id.
 */
public class MallTestResource implements QuarkusTestResourceLifecycleManager {

    private String service;
    private Set<LocalServer> servers;
    private PostgresTestDatabase database;

    @Override
    public void init(Map<String, String> args) {
        service = args.get("service");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("MallTestResource needs the service name as init arg 'service'");
        }
        String names = args.getOrDefault("servers", "");
        servers = names.isBlank() ? Set.of()
                : Arrays.stream(names.split(",")).map(LocalServer::byScriptName)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Map<String, String> start() {
        LocalServers.ensureUp(servers);
        Map<String, String> config = new HashMap<>(TestTokens.verificationConfig());
        config.put("mall.test.run-id", TestRun.ID);
        if (servers.contains(LocalServer.POSTGRES)) {
            database = new PostgresTestDatabase(service);
            database.create();
            String address = LocalServer.HOST + ":" + LocalServer.POSTGRES.port() + "/" + database.name();
            config.put("quarkus.datasource.reactive.url", "postgresql://" + address);
            config.put("quarkus.datasource.username", database.role());
            config.put("quarkus.datasource.password", database.password());
            if (hasJdbcDriver()) {
                // services that migrate their schema with Flyway do it over JDBC
                config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address);
            }
        }
        if (servers.contains(LocalServer.MONGO)) {
            config.put("quarkus.mongodb.connection-string",
                    "mongodb://" + LocalServer.HOST + ":" + LocalServer.MONGO.port());
            config.put("quarkus.mongodb.database", "mall_" + service + "_" + TestRun.ID);
        }
        if (servers.contains(LocalServer.REDIS)) {
            config.put("quarkus.redis.hosts", "redis://" + LocalServer.HOST + ":" + LocalServer.REDIS.port());
            config.put("mall.redis.key-prefix", TestRun.ID + ":");
        }
        if (servers.contains(LocalServer.KAFKA)) {
            config.put("kafka.bootstrap.servers", LocalServer.HOST + ":" + LocalServer.KAFKA.port());
            config.put("mall.kafka.topic-prefix", TestRun.ID + ".");
            config.put("kafka.group.id", service + "-" + TestRun.ID);
        }
        if (servers.contains(LocalServer.SMTP)) {
            config.put("quarkus.mailer.host", LocalServer.HOST);
            config.put("quarkus.mailer.port", String.valueOf(LocalServer.SMTP.port()));
        }
        return config;
    }

    private static boolean hasJdbcDriver() {
        try {
            Class.forName("org.postgresql.Driver", false, MallTestResource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
        }
    }
}
