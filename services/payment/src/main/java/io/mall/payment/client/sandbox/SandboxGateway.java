package io.mall.payment.client.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.payment.PaymentConfig;
import io.mall.payment.client.ChargeRequest;
import io.mall.payment.client.GatewayAnswer;
import io.mall.payment.client.PaymentGateway;
import io.mall.payment.domain.CardDetails;
import io.mall.payment.domain.CardNumber;
import io.mall.payment.domain.FailureCode;
import io.mall.payment.domain.Money;
import io.mall.payment.domain.PaymentMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The built-in gateway for local runs and tests: deterministic test cards ({@link TestCards}),
 * virtual accounts that a deposit confirms, and a wallet whose approval page is served by this
 * service. It keeps its own books in the {@code sandbox_*} tables, as a real gateway does on its
 * side, and honours idempotency keys exactly as Stripe does: the same key, the same answer.
 * The only place a card number is ever seen is {@link #tokenise}, which keeps its last four digits.
 */
@ApplicationScoped
public class SandboxGateway implements PaymentGateway {

    public static final String NAME = "sandbox";

    static final String BANK = "Mall Sandbox Bank";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool database;
    private final Clock clock;
    private final PaymentConfig.Sandbox config;

    SandboxGateway(Pool database, Clock clock, PaymentConfig config) {
        this.database = database;
        this.clock = clock;
        this.config = config.sandbox();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<PaymentMethod> methods() {
        return Set.of(PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER, PaymentMethod.EASY_PAY);
    }

    /** What a card form posts to the gateway (as Stripe Elements does): the number goes no further than this. */
    public Uni<CardDetails> tokenise(String typedNumber, int expMonth, int expYear) {
        CardNumber number = CardNumber.parse(typedNumber);
        CardNumber.checkExpiry(expMonth, expYear, YearMonth.now(clock));
        CardDetails card = new CardDetails("tok_sandbox_" + randomHex(12), number.brand(), number.last4(), expMonth, expYear);
        return database.preparedQuery("INSERT INTO sandbox_cards (token, brand, last4, exp_month, exp_year, behaviour, created_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.from(new Object[] { card.token(), card.brand(), card.last4(), expMonth, expYear,
                        TestCards.of(number).name(), now() }))
                .replaceWith(card);
    }

    @Override
    public Uni<CardDetails> card(String token) {
        return findCard(database, token).map(found -> found.map(SandboxCard::details)
                .orElseThrow(() -> new BrokenRule("token", "is not a card token of this gateway")));
    }

    @Override
    public Uni<GatewayAnswer> charge(ChargeRequest request) {
        return switch (request.method()) {
            case CARD -> chargeCard(request);
            case BANK_TRANSFER -> openVirtualAccount(request);
            case EASY_PAY -> startWalletApproval(request);
        };
    }

    private Uni<GatewayAnswer> chargeCard(ChargeRequest request) {
        return findCard(database, request.cardToken()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(GatewayAnswer.failed(null, FailureCode.INVALID_REQUEST, "no such card token"));
            }
            SandboxCard card = found.get();
            String status;
            FailureCode failure = null;
            switch (card.behaviour()) {
                case DECLINED -> failure = FailureCode.DECLINED;
                case INSUFFICIENT_FUNDS -> failure = FailureCode.INSUFFICIENT_FUNDS;
                case EXPIRED_CARD -> failure = FailureCode.EXPIRED_CARD;
                case PROCESSING_ERROR -> failure = FailureCode.PROCESSING_ERROR;
                default -> {
                }
            }
            status = failure != null ? "FAILED" : request.capture() ? "CAPTURED" : "AUTHORISED";
            long captured = "CAPTURED".equals(status) ? request.amount().minor() : 0;
            Uni<GatewayAnswer> answer = record(request, status, captured, request.cardToken(), failure, null, null, null)
                    .map(recorded -> recorded.withCard(card.details()));
            // the slow card is charged at once, and answered late: a caller that gave up meanwhile finds it by looking it up
            return card.behaviour() == TestCards.SLOW ? answer.onItem().delayIt().by(config.slowAnswer()) : answer;
        });
    }

    private Uni<GatewayAnswer> openVirtualAccount(ChargeRequest request) {
        String account = "9" + String.format("%013d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000_000L));
        Duration after = config.depositAfter();
        Instant due = after.isZero() ? null : clock.instant().plus(after);
        return record(request, "ACTION_REQUIRED", 0, null, null, account, request.expiresAt(), due);
    }

    private Uni<GatewayAnswer> startWalletApproval(ChargeRequest request) {
        return record(request, "ACTION_REQUIRED", 0, null, null, null, request.expiresAt(), null);
    }

    /** The charge made with this key; an earlier one with the same key wins, and its answer is given again. */
    private Uni<GatewayAnswer> record(ChargeRequest request, String status, long captured, String cardToken, FailureCode failure,
            String account, Instant expiresAt, Instant depositDue) {
        String reference = (request.method() == PaymentMethod.EASY_PAY ? "wal_" : "ch_") + randomHex(12);
        return database.preparedQuery("INSERT INTO sandbox_charges (reference, idempotency_key, method, status, currency,"
                + " amount_minor, captured_minor, card_token, failure_code, bank, account_number, expires_at, deposit_due_at, created_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (idempotency_key) DO NOTHING"
                + " RETURNING *")
                .execute(Tuple.from(new Object[] { reference, request.idempotencyKey(), request.method().name(), status,
                        request.amount().currency(), request.amount().minor(), captured, cardToken,
                        failure == null ? null : failure.name(), account == null ? null : BANK, account, time(expiresAt),
                        time(depositDue), now() }))
                // nothing returned: the key was used before, and its first charge is the answer
                .chain(inserted -> inserted.size() > 0 ? Uni.createFrom().item(Optional.of(SandboxCharge.of(inserted.iterator().next())))
                        : findByKey(database, request.idempotencyKey()))
                .map(charge -> answer(charge.orElseThrow()));
    }

    @Override
    public Uni<GatewayAnswer> capture(String reference, Money amount, String idempotencyKey) {
        return database.withTransaction(sql -> findByReference(sql, reference, true).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "no such charge"));
            }
            SandboxCharge charge = found.get();
            if (charge.status().equals("CAPTURED")) {
                return Uni.createFrom().item(answer(charge));
            }
            if (!charge.status().equals("AUTHORISED") && !charge.status().equals("APPROVED")) {
                return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST,
                        "a charge that is " + charge.status().toLowerCase() + " cannot be captured"));
            }
            if (amount.minor() > charge.amountMinor()) {
                return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "more than was authorised"));
            }
            return setStatus(sql, reference, "CAPTURED", amount.minor()).map(done -> answer(charge.with("CAPTURED", amount.minor())));
        }));
    }

    @Override
    public Uni<GatewayAnswer> cancel(String reference, String idempotencyKey) {
        return database.withTransaction(sql -> findByReference(sql, reference, true).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST, "no such charge"));
            }
            SandboxCharge charge = found.get();
            return switch (charge.status()) {
                case "CANCELLED" -> Uni.createFrom().item(GatewayAnswer.cancelled(reference));
                case "AUTHORISED", "ACTION_REQUIRED", "APPROVED" -> setStatus(sql, reference, "CANCELLED", 0)
                        .replaceWith(GatewayAnswer.cancelled(reference));
                default -> Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST,
                        "a charge that is " + charge.status().toLowerCase() + " cannot be cancelled"));
            };
        }));
    }

    @Override
    public Uni<GatewayAnswer> refund(String reference, Money amount, String idempotencyKey) {
        return database.withTransaction(sql -> sql.preparedQuery("SELECT reference, amount_minor FROM sandbox_refunds WHERE idempotency_key = $1")
                .execute(Tuple.of(idempotencyKey)).chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        Row earlier = rows.iterator().next();
                        return Uni.createFrom().item(GatewayAnswer.refunded(earlier.getString("reference"),
                                new Money(earlier.getLong("amount_minor"), amount.currency())));
                    }
                    // one statement checks and counts the refund, so two at once never give back more than was taken
                    return sql.preparedQuery("UPDATE sandbox_charges SET refunded_minor = refunded_minor + $2"
                            + " WHERE reference = $1 AND status = 'CAPTURED' AND currency = $3 AND captured_minor - refunded_minor >= $2")
                            .execute(Tuple.of(reference, amount.minor(), amount.currency())).chain(updated -> {
                                if (updated.rowCount() == 0) {
                                    return Uni.createFrom().item(GatewayAnswer.failed(reference, FailureCode.INVALID_REQUEST,
                                            "the charge has not that much left to refund"));
                                }
                                String refund = "re_" + randomHex(12);
                                return sql.preparedQuery("INSERT INTO sandbox_refunds (reference, idempotency_key, charge_reference,"
                                        + " amount_minor, created_at) VALUES ($1, $2, $3, $4, $5)")
                                        .execute(Tuple.of(refund, idempotencyKey, reference, amount.minor(), now()))
                                        .replaceWith(GatewayAnswer.refunded(refund, amount));
                            });
                }));
    }

    @Override
    public Uni<Optional<GatewayAnswer>> lookUp(String idempotencyKey, String reference) {
        return findByKey(database, idempotencyKey).map(found -> found.map(this::answer));
    }

    /**
     * The bank's side of a bank transfer: money arrived in a virtual account. Only the exact amount
     * is accepted, before the account expires; the same deposit twice changes nothing.
     *
     * @return the charge's reference, which now stands captured
     */
    public Uni<Optional<String>> deposit(String accountNumber, long amountMinor) {
        return database.preparedQuery("UPDATE sandbox_charges SET status = 'CAPTURED', captured_minor = amount_minor"
                + " WHERE account_number = $1 AND status = 'ACTION_REQUIRED' AND amount_minor = $2"
                + " AND (expires_at IS NULL OR expires_at > $3) RETURNING reference")
                .execute(Tuple.of(accountNumber, amountMinor, now()))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString("reference")) : Optional.empty());
    }

    /** Virtual accounts whose simulated deposit is due: the sandbox bank pays them in full. */
    public Uni<java.util.List<String>> depositsDue() {
        return database.preparedQuery("UPDATE sandbox_charges SET status = 'CAPTURED', captured_minor = amount_minor"
                + " WHERE status = 'ACTION_REQUIRED' AND deposit_due_at <= $1 AND (expires_at IS NULL OR expires_at > $1)"
                + " RETURNING reference")
                .execute(Tuple.of(now()))
                .map(rows -> {
                    java.util.List<String> references = new java.util.ArrayList<>();
                    rows.forEach(row -> references.add(row.getString("reference")));
                    return references;
                });
    }

    /** The shopper approved (or, {@code approved} false, cancelled) a wallet payment on the sandbox's page. */
    public Uni<Boolean> walletDecision(String reference, boolean approved) {
        return database.preparedQuery("UPDATE sandbox_charges SET status = $2 WHERE reference = $1 AND method = 'EASY_PAY'"
                + " AND status = 'ACTION_REQUIRED' AND (expires_at IS NULL OR expires_at > $3)")
                .execute(Tuple.of(reference, approved ? "APPROVED" : "CANCELLED", now()))
                .map(rows -> rows.rowCount() == 1);
    }

    private GatewayAnswer answer(SandboxCharge charge) {
        Money amount = new Money(charge.amountMinor(), charge.currency());
        return switch (charge.status()) {
            case "CAPTURED" -> GatewayAnswer.captured(charge.reference(), new Money(charge.capturedMinor(), charge.currency()), null);
            case "AUTHORISED" -> GatewayAnswer.authorised(charge.reference(), amount, null);
            case "APPROVED" -> GatewayAnswer.approved(charge.reference(), amount);
            case "ACTION_REQUIRED" -> charge.accountNumber() != null
                    ? GatewayAnswer.depositAwaited(charge.reference(), amount, charge.bank(), charge.accountNumber(), charge.expiresAt())
                    : GatewayAnswer.approvalAwaited(charge.reference(), amount,
                            config.publicUrl() + "/api/v1/payments/sandbox/wallet/" + charge.reference(), charge.expiresAt());
            case "CANCELLED" -> GatewayAnswer.cancelled(charge.reference());
            default -> GatewayAnswer.failed(charge.reference(), FailureCode.valueOf(charge.failureCode()),
                    FailureCode.valueOf(charge.failureCode()).description());
        };
    }

    private Uni<Integer> setStatus(SqlClient sql, String reference, String status, long captured) {
        return sql.preparedQuery("UPDATE sandbox_charges SET status = $2, captured_minor = $3 WHERE reference = $1")
                .execute(Tuple.of(reference, status, captured)).map(rows -> rows.rowCount());
    }

    private static Uni<Optional<SandboxCard>> findCard(SqlClient sql, String token) {
        if (token == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sql.preparedQuery("SELECT * FROM sandbox_cards WHERE token = $1").execute(Tuple.of(token))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(SandboxCard.of(rows.iterator().next())) : Optional.empty());
    }

    private static Uni<Optional<SandboxCharge>> findByKey(SqlClient sql, String key) {
        return sql.preparedQuery("SELECT * FROM sandbox_charges WHERE idempotency_key = $1").execute(Tuple.of(key))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(SandboxCharge.of(rows.iterator().next())) : Optional.empty());
    }

    private static Uni<Optional<SandboxCharge>> findByReference(SqlClient sql, String reference, boolean lock) {
        return sql.preparedQuery("SELECT * FROM sandbox_charges WHERE reference = $1" + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(reference))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(SandboxCharge.of(rows.iterator().next())) : Optional.empty());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    record SandboxCard(String token, String brand, String last4, int expMonth, int expYear, TestCards behaviour) {

        static SandboxCard of(Row row) {
            return new SandboxCard(row.getString("token"), row.getString("brand"), row.getString("last4"),
                    row.getInteger("exp_month"), row.getInteger("exp_year"), TestCards.valueOf(row.getString("behaviour")));
        }

        CardDetails details() {
            return new CardDetails(token, brand, last4, expMonth, expYear);
        }
    }

    record SandboxCharge(String reference, String status, String currency, long amountMinor, long capturedMinor,
            String failureCode, String bank, String accountNumber, Instant expiresAt) {

        static SandboxCharge of(Row row) {
            OffsetDateTime expires = row.getOffsetDateTime("expires_at");
            return new SandboxCharge(row.getString("reference"), row.getString("status"), row.getString("currency"),
                    row.getLong("amount_minor"), row.getLong("captured_minor"), row.getString("failure_code"),
                    row.getString("bank"), row.getString("account_number"), expires == null ? null : expires.toInstant());
        }

        SandboxCharge with(String newStatus, long captured) {
            return new SandboxCharge(reference, newStatus, currency, amountMinor, captured, failureCode, bank, accountNumber, expiresAt);
        }
    }
}
