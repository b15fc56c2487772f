package io.mall.review.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.mall.review.app.Counting;
import io.mall.review.domain.Statistics;
import io.smallrye.mutiny.Uni;

/** Products' rating statistics for everyone; a recount for admins. */
@Path("/api/v1/reviews/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    /** @param histogram counts of 1 to 5 stars, in that order */
    public record StatisticsView(String productId, long count, double average, List<Long> histogram, long version) {

        static StatisticsView of(Statistics statistics) {
            return new StatisticsView(statistics.productId, statistics.count, statistics.average(), List.copyOf(statistics.histogram),
                    statistics.version);
        }
    }

    public record Recounted(int products) {
    }

    private final Counting counting;

    StatisticsResource(Counting counting) {
        this.counting = counting;
    }

    @GET
    @PermitAll
    public Uni<StatisticsView> of(@QueryParam("productId") @NotBlank @Size(max = 64) String productId) {
        return counting.of(productId).map(StatisticsView::of);
    }

    /** Counts the product's reviews afresh (a new version only when the numbers differed). */
    @POST
    @Path("/recount")
    @RolesAllowed("ADMIN")
    public Uni<StatisticsView> recount(@QueryParam("productId") @NotBlank @Size(max = 64) String productId) {
        return counting.recount(productId).map(StatisticsView::of);
    }

    /** Counts every product's reviews afresh. */
    @POST
    @Path("/recount-all")
    @RolesAllowed("ADMIN")
    public Uni<Recounted> recountAll() {
        return counting.recountAll().map(Recounted::new);
    }
}
