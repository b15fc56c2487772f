package io.mall.shipping.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What one option costs and when it arrives, under the fee schedule of {@code scheduleVersion}.
 *
 * @param baseFee    the weight band's fee in the zone (0 when the order is above the free threshold)
 * @param surcharges what the destination adds (islands, remote areas): never waived
 * @param fee        what the shopper pays: base, premium and surcharges together, in minor units
 */
public record Quote(ShippingOption option, long baseFee, long premium, List<Surcharge> surcharges, long fee, String currency,
        LocalDate promisedBy, int scheduleVersion) {

    public record Surcharge(String name, long amount) {
    }
}
