package io.mall.product.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.mall.product.app.ProductDraft;

/** Request bodies of the product API, with the limits a shop can live with. */
final class Requests {

    static final String SKU = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String CURRENCY = "^[A-Z]{3}$";
    static final String NAME_KEY = "^[\\p{L}\\p{N}_-]{1,50}$";

    private Requests() {
    }

    record Variant(
            @NotBlank @Pattern(regexp = SKU, message = "must be 1 to 64 letters, digits, '.', '_' or '-'") String sku,
            @Size(max = 10) Map<@Pattern(regexp = NAME_KEY) String, @NotBlank @Size(max = 100) String> options,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long price,
            @NotNull @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as KRW") String currency,
            @PositiveOrZero @Max(1_000_000) int weightGrams,
            @PositiveOrZero @Max(10_000_000) int stock,
            @PositiveOrZero @Max(10_000_000) int lowStockThreshold) {
    }

    record Product(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String brand,
            @Size(max = 5000) String description,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> images,
            @NotBlank @Size(max = 64) String categoryId,
            @Size(max = 50) Map<@Pattern(regexp = NAME_KEY) String, @NotBlank @Size(max = 200) String> attributes,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Variant> variants) {

        ProductDraft draft() {
            return new ProductDraft(name, brand, description, images, categoryId, attributes,
                    variants.stream().map(v -> new ProductDraft.VariantDraft(v.sku(), v.options(), v.price(), v.currency(),
                            v.weightGrams(), v.stock(), v.lowStockThreshold())).toList());
        }
    }

    /** A product's descriptive fields; its variants stay as they are. */
    record Description(
            @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String brand,
            @Size(max = 5000) String description,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> images,
            @NotBlank @Size(max = 64) String categoryId,
            @Size(max = 50) Map<@Pattern(regexp = NAME_KEY) String, @NotBlank @Size(max = 200) String> attributes) {

        ProductDraft draft() {
            return new ProductDraft(name, brand, description, images, categoryId, attributes, List.of());
        }
    }

    record Price(
            @NotNull @PositiveOrZero Long version,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long price,
            @NotNull @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as KRW") String currency) {
    }

    record Versioned(@NotNull @PositiveOrZero Long version) {
    }

    record NewCategory(@NotBlank @Size(max = 100) String name, @Size(max = 64) String parentId) {
    }

    /** Rename (name), move (parentId), or move to the top ({@code root: true}). */
    record CategoryChange(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(max = 64) String parentId, Boolean root) {
    }

    record Adjustment(@NotNull @Min(-10_000_000) @Max(10_000_000) Integer delta, @NotBlank @Size(max = 200) String reason) {
    }

    record Reservation(@NotNull java.util.UUID orderId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull Line> lines) {
    }

    record Line(@NotBlank @Pattern(regexp = SKU) String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
