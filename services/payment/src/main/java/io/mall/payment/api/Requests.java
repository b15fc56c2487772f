package io.mall.payment.api;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.mall.contracts.payment.Limits;

/** Request bodies. */
final class Requests {

    private Requests() {
    }

    /**
     * A card form's post to the sandbox gateway. The number is checked by the gateway (Luhn, length)
     * and never stored or echoed; {@code cvc} is checked for shape and forgotten.
     */
    record CardForm(@NotNull @Size(max = 30) String number, @NotNull @Min(1) @Max(12) Integer expMonth,
            @NotNull @Min(2000) @Max(2100) Integer expYear, @NotNull @Pattern(regexp = "[0-9]{3,4}") String cvc) {

        @Override
        public String toString() {
            return "CardForm[redacted]";
        }
    }

    record SaveCard(@NotBlank @Size(max = 255) String token) {

        @Override
        public String toString() {
            return "SaveCard[redacted]";
        }
    }

    record RefundRequest(@NotNull UUID paymentId, @NotNull @Positive @Max(Limits.MAX_AMOUNT_MINOR) Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotBlank @Size(max = 500) String reason) {
    }

    record Capture(@Positive @Max(Limits.MAX_AMOUNT_MINOR) Long amountMinor) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    record Deposit(@NotBlank @Size(max = 40) String accountNumber, @NotNull @Positive Long amountMinor) {
    }
}
