package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.product.ReserveStock;
import io.mall.contracts.product.StockLine;
import io.mall.testing.MallTestResource;
import io.mall.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** One trace runs from the REST call that causes an event, through the event, into its consumer and what that sends. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    private final ConcurrentLinkedQueue<ExtLogRecord> messagingLog = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                messagingLog.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureMessagingLog() {
        Logger.getLogger("io.mall.messaging").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.mall.messaging").removeHandler(capture);
    }

    /** 01: the caller records its trace; 00: it does not (as ./mall up records none), yet the id runs on. */
    @ParameterizedTest
    @ValueSource(strings = { "01", "00" })
    void theTraceOfARestCallIsCarriedByTheEventItCauses(String flags) {
        String traceId = randomHex(16);
        String id = given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-" + flags)
                .body(Admin.product("Traced", "B", "d", Admin.category("Traces", null), Map.of(),
                        List.of(Admin.variant(Admin.sku("TRC"), 1_000, 3))))
                .when().post("/api/v1/products")
                .then().statusCode(201).extract().path("id");

        String created = TestKafka.read(Topics.PRODUCT_EVENTS, id, list -> !list.isEmpty(), WAIT).get(0);

        assertThat(new JsonPath(created).getString("traceparent")).startsWith("00-" + traceId + "-").endsWith("-" + flags);
    }

    @ParameterizedTest
    @ValueSource(strings = { "01", "00" })
    void aConsumerLogsAndSendsUnderTheTraceOfTheMessageItProcesses(String flags) throws Exception {
        String sku = Admin.stockedSku(Admin.category("Traces", null), 5);
        UUID order = UUID.randomUUID();
        String traceId = randomHex(16);

        TestKafka.send(Topics.PRODUCT_COMMANDS, order.toString(), json.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(),
                EventTypes.RESERVE_STOCK, "order", Instant.now(), order.toString(), "00-" + traceId + "-" + randomHex(8) + "-" + flags,
                new ReserveStock(order, List.of(new StockLine(sku, 1))))));

        String reserved = TestKafka.read(Topics.PRODUCT_EVENTS, order.toString(), list -> !list.isEmpty(), WAIT).get(0);
        assertThat(new JsonPath(reserved).getString("traceparent")).startsWith("00-" + traceId + "-").endsWith("-" + flags);
        await().atMost(WAIT).until(() -> messagingLog.stream()
                .anyMatch(line -> line.getFormattedMessage().contains("processed " + EventTypes.RESERVE_STOCK + " ")
                        && line.getFormattedMessage().contains(order.toString())));
        assertThat(messagingLog.stream().filter(line -> line.getFormattedMessage().contains(order.toString())))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMdc("traceId")).isEqualTo(traceId));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
