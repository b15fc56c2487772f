package io.mall.product.domain;

/** The approved reviews of a product, as the review service last reported them. */
public class Rating {

    public long count;
    public double average;
    /** the review service's version of these figures; older reports are ignored */
    public long version;

    public Rating() {
    }

    public Rating(long count, double average, long version) {
        this.count = count;
        this.average = average;
        this.version = version;
    }
}
