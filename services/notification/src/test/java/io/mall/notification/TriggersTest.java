package io.mall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.order.OrderUpdated;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.contracts.payment.PaymentFailed;
import io.mall.contracts.payment.PaymentRefunded;
import io.mall.contracts.shipping.ShipmentCreated;
import io.mall.contracts.shipping.ShipmentUpdated;
import io.mall.contracts.user.PasswordChanged;
import io.mall.contracts.user.SignedIn;
import io.mall.contracts.user.UserRegistered;
import io.mall.testing.MallTestResource;
import io.mall.testing.SmtpSink;
import io.mall.testing.UserServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each trigger from its event, as its service publishes it, to the mail in the SMTP sink, read back
 * through the sink's API: in the user's language, with amounts and dates written for it.
 */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "notification"),
        @ResourceArg(name = "servers", value = "postgres,kafka,smtp") })
@QuarkusTestResource(ProviderStubs.class)
@QuarkusTestResource(value = UserServiceResource.class, initArgs = @ResourceArg(name = "client", value = "notification"))
class TriggersTest {

    @Test
    void aNewAccountIsWelcomedInItsOwnLanguage() {
        Shopper korean = Shopper.korean();
        Shopper english = Shopper.english();

        Events.send(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, korean.id(), new UserRegistered(korean.id(), "ko"));
        Events.send(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, english.id(), new UserRegistered(english.id(), "en"));

        SmtpSink.Mail welcome = SmtpSink.await(korean.email(), 1).get(0);
        assertThat(welcome.subject()).isEqualTo("Mall에 오신 것을 환영합니다");
        assertThat(welcome.text()).contains("김민지님, Mall에 가입해 주셔서 감사합니다.");
        assertThat(welcome.html()).contains("<html lang=\"ko\">").contains("김민지님");
        assertThat(SmtpSink.await(english.email(), 1).get(0).subject()).isEqualTo("Welcome to Mall");
    }

    @Test
    void anOrderIsToldFromItsReceiptToItsDeliveryWithAnInvitationToReviewIt() {
        Shopper shopper = Shopper.korean();
        UUID orderId = shopper.placesOrder(125_000, "무선 이어폰", 3);
        String number = orderId.toString().substring(0, 8).toUpperCase();
        SmtpSink.Mail received = SmtpSink.await(shopper.email(), 1).get(0);
        assertThat(received.subject()).isEqualTo("주문이 접수되었습니다 (" + number + ")");
        assertThat(received.text()).contains("무선 이어폰 외 2건").contains("₩125,000");

        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId,
                new PaymentCaptured(UUID.randomUUID(), orderId, 125_000, "KRW", "CARD"));
        assertThat(SmtpSink.await(shopper.email(), 2).get(1).text()).contains("결제 ₩125,000이(가) 완료되었습니다");

        UUID shipmentId = UUID.randomUUID();
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_CREATED, orderId,
                new ShipmentCreated(shipmentId, orderId, "simulated", "SIM123456789012", LocalDate.of(2026, 11, 28)));
        SmtpSink.Mail shipped = SmtpSink.await(shopper.email(), 3).get(2);
        assertThat(shipped.subject()).isEqualTo("상품이 발송되었습니다 (" + number + ")");
        assertThat(shipped.text()).contains("운송장 번호: SIM123456789012").contains("도착 예정: 2026년 11월 28일")
                .contains("https://mall.local/orders/" + orderId + "/tracking");
        assertThat(shipped.html()).contains("href=\"https://mall.local/orders/" + orderId + "/tracking\"");

        // the parcel's other moves are not worth a message; out for delivery is
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(shipmentId, orderId, "IN_TRANSIT", "곤지암 허브", null, Instant.now()));
        Events.send(Topics.SHIPPING_EVENTS, EventTypes.SHIPMENT_UPDATED, orderId,
                new ShipmentUpdated(shipmentId, orderId, "OUT_FOR_DELIVERY", "서울 강남", null, Instant.now()));
        SmtpSink.Mail out = SmtpSink.await(shopper.email(), 4).get(3);
        assertThat(out.subject()).isEqualTo("오늘 도착합니다 (" + number + ")");
        assertThat(out.text()).contains("(서울 강남)");

        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_DELIVERED, orderId, new OrderUpdated(orderId, shopper.id(), "DELIVERED", 125_000,
                "KRW", null, List.of(new OrderUpdated.Line("SKU-0", "p-0", "무선 이어폰", 1))));
        SmtpSink.Mail delivered = SmtpSink.await(shopper.email(), 5).get(4);
        assertThat(delivered.subject()).isEqualTo("배송이 완료되었습니다 (" + number + ")");
        assertThat(delivered.text()).contains("무선 이어폰은(는) 마음에 드셨나요?").contains("리뷰 쓰기: https://mall.local/orders/" + orderId + "/review");
        assertThat(SmtpSink.inbox(shopper.email())).extracting(SmtpSink.Mail::subject).hasSize(5);
        // each went to the feed too, newest first
        assertThat(shopper.feed().getList("items.trigger")).containsExactly("DELIVERED", "OUT_FOR_DELIVERY", "SHIPPED", "PAYMENT_CAPTURED",
                "ORDER_RECEIVED");
    }

    @Test
    void aFailedPaymentACancellationAndARefundAreToldButAPaymentCancelledWithItsOrderIsNot() {
        Shopper shopper = Shopper.english();
        UUID declined = shopper.placesOrder(30_000, "Desk lamp", 1);
        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_FAILED, declined,
                new PaymentFailed(UUID.randomUUID(), declined, "DECLINED", "the card was declined"));
        SmtpSink.Mail failed = SmtpSink.about(shopper.email(), "Your payment did not go through");
        assertThat(failed.subject()).startsWith("Your payment did not go through");
        assertThat(failed.text()).contains("Reason: the card was declined").contains("Nothing was charged");

        UUID cancelled = shopper.placesOrder(45_500, "Rice cooker", 2);
        Events.send(Topics.ORDER_EVENTS, EventTypes.ORDER_CANCELLED, cancelled, new OrderUpdated(cancelled, shopper.id(), "CANCELLED", 45_500,
                "KRW", "changed my mind", List.of(new OrderUpdated.Line("RC-1", "p-rc", "Rice cooker", 1))));
        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_FAILED, cancelled,
                new PaymentFailed(UUID.randomUUID(), cancelled, "CANCELLED", "the order was cancelled"));
        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_REFUNDED, cancelled,
                new PaymentRefunded(UUID.randomUUID(), cancelled, UUID.randomUUID(), 45_500, "KRW", 45_500, true, "order cancelled"));
        assertThat(SmtpSink.about(shopper.email(), "Your order was cancelled").text()).contains("(₩45,500) was cancelled")
                .contains("Reason: changed my mind");
        assertThat(SmtpSink.about(shopper.email(), "Your refund is on its way").text()).contains("refunded ₩45,500")
                .contains("Everything you paid is refunded");
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(1)).atMost(java.time.Duration.ofSeconds(3))
                .until(() -> SmtpSink.inbox(shopper.email()).size() == 5);
    }

    @Test
    void aPasswordChangeAndANewSignInAreToldAtOnceEvenInQuietHours() {
        Shopper shopper = Shopper.korean();
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Seoul"));
        shopper.choose(Map.of("channels", Map.of("ACCOUNT_SECURITY", List.of("EMAIL", "SMS")),
                "quietHours", Map.of("start", now.minusHours(1).withNano(0).toString(), "end", now.plusHours(1).withNano(0).toString())));
        Instant at = Instant.parse("2026-11-26T09:30:00Z");

        Events.send(Topics.USER_EVENTS, EventTypes.USER_PASSWORD_CHANGED, shopper.id(), new PasswordChanged(shopper.id(), at));
        Events.send(Topics.USER_EVENTS, EventTypes.USER_SIGNED_IN, shopper.id(), new SignedIn(shopper.id(), UUID.randomUUID(), at));

        assertThat(SmtpSink.about(shopper.email(), "비밀번호가 변경되었습니다").text()).contains("2026년 11월 26일 오후 6:30에 계정의 비밀번호가 변경되었고");
        assertThat(SmtpSink.about(shopper.email(), "새로운 로그인").text()).contains("2026년 11월 26일 오후 6:30에 계정에 새로 로그인했습니다");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> ProviderStubs.textsTo(shopper.e164()).size() == 2);
    }
}
