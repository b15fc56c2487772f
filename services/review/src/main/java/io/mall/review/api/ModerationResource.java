package io.mall.review.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.mall.review.app.Moderation;
import io.mall.review.domain.ReviewStatus;
import io.mall.review.store.ReviewRepository;
import io.smallrye.mutiny.Uni;

/** The moderators' queue and decisions, and the shop's replies: SUPPORT and ADMIN. */
@Path("/api/v1/reviews/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "SUPPORT", "ADMIN" })
public class ModerationResource {

    /** {@code status} APPROVED or REJECTED; a rejection says why. */
    public record DecisionForm(@NotNull ReviewStatus status, @Size(max = 500) String reason) {
    }

    public record ReplyForm(@NotBlank @Size(max = 2_000) String text) {
    }

    private final Moderation moderation;
    private final JsonWebToken caller;

    ModerationResource(Moderation moderation, JsonWebToken caller) {
        this.moderation = moderation;
        this.caller = caller;
    }

    /** What waits, oldest first: {@code status} PENDING and HELD unless named; by spam score, product, reports. */
    @GET
    public Uni<ReviewResource.ReviewPage> queue(@QueryParam("status") List<ReviewStatus> statuses,
            @QueryParam("minScore") @DecimalMin("0") @DecimalMax("1") Double minScore,
            @QueryParam("maxScore") @DecimalMin("0") @DecimalMax("1") Double maxScore,
            @QueryParam("productId") @Size(max = 64) String productId, @QueryParam("reported") Boolean reported,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<ReviewStatus> wanted = statuses == null || statuses.isEmpty() ? List.of(ReviewStatus.PENDING, ReviewStatus.HELD) : statuses;
        String self = Callers.self(caller);
        return moderation.queue(new ReviewRepository.QueueFilter(wanted, minScore, maxScore, productId, reported), page, size)
                .map(found -> new ReviewResource.ReviewPage(found.items().stream().map(review -> ReviewView.of(review, self, true)).toList(),
                        found.total(), page, size));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReviewView> decide(@PathParam("id") @Size(max = 64) String id, @NotNull @Valid DecisionForm form) {
        String self = Callers.self(caller);
        return moderation.decide(self, id, form.status(), form.reason() == null ? null : form.reason().strip())
                .map(review -> ReviewView.of(review, self, true));
    }

    @PUT
    @Path("/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReviewView> reply(@PathParam("id") @Size(max = 64) String id, @NotNull @Valid ReplyForm form) {
        String self = Callers.self(caller);
        return moderation.reply(self, id, form.text().strip()).map(review -> ReviewView.of(review, self, true));
    }
}
