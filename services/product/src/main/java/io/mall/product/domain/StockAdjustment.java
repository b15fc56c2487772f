package io.mall.product.domain;

import java.time.Instant;

/** One entry of a SKU's audit trail: who changed the available units, by how much, and why. */
public class StockAdjustment {

    public Instant at;
    public int delta;
    public String reason;
    /** the staff member's account id (never an email: an erased account leaves no trace here) */
    public String actor;
}
