package io.mall.review.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.review.app.Purchases;
import io.mall.review.app.Reviewing;
import io.mall.review.store.ReviewRepository;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Reviews: a product's approved ones for everyone; written by shoppers who received the product,
 * edited and taken back by their authors; voted helpful and reported by signed-in readers.
 */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    public record WriteForm(@NotBlank @Size(max = 64) String orderId, @NotBlank @Size(max = 64) String productId,
            @Min(1) @Max(5) int rating, @Size(max = 100) String title, @NotBlank @Size(max = 5_000) String text,
            @Size(max = 5) List<@NotBlank @Size(max = 2_000) String> images) {
    }

    public record EditForm(@Min(1) @Max(5) int rating, @Size(max = 100) String title, @NotBlank @Size(max = 5_000) String text,
            @Size(max = 5) List<@NotBlank @Size(max = 2_000) String> images) {
    }

    public record ReportForm(@NotBlank @Size(max = 500) String reason) {
    }

    public record ReviewPage(List<ReviewView> items, long total, int page, int size) {
    }

    public record Helpful(long helpful) {
    }

    private final Reviewing reviewing;
    private final Purchases purchases;
    private final JsonWebToken caller;
    private final CurrentIdentityAssociation identity;

    ReviewResource(Reviewing reviewing, Purchases purchases, JsonWebToken caller, CurrentIdentityAssociation identity) {
        this.reviewing = reviewing;
        this.purchases = purchases;
        this.caller = caller;
        this.identity = identity;
    }

    /** A product's approved reviews: {@code sort} NEWEST, HIGHEST, LOWEST or HELPFUL; {@code rating} keeps one star count. */
    @GET
    @PermitAll
    public Uni<ReviewPage> ofProduct(@QueryParam("productId") @NotBlank @Size(max = 64) String productId,
            @QueryParam("sort") @DefaultValue("NEWEST") ReviewRepository.Order sort, @QueryParam("rating") @Min(1) @Max(5) Integer rating,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page, @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return Callers.reader(identity).chain(reader -> reviewing.ofProduct(productId, rating, sort, page, size)
                .map(found -> new ReviewPage(found.items().stream().map(review -> ReviewView.of(review, reader.id(), reader.staff())).toList(),
                        found.total(), page, size)));
    }

    /** The caller's own reviews, in every state but deleted. */
    @GET
    @Path("/mine")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<ReviewPage> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String self = Callers.self(caller);
        return reviewing.mine(self, page, size)
                .map(found -> new ReviewPage(found.items().stream().map(review -> ReviewView.of(review, self, false)).toList(), found.total(), page, size));
    }

    /** What the caller received lately, each product with whether they reviewed it. */
    @GET
    @Path("/reviewable")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<List<Purchases.Reviewable>> reviewable() {
        return purchases.of(Callers.self(caller));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<ReviewView> read(@PathParam("id") @Size(max = 64) String id) {
        return Callers.reader(identity).chain(reader -> reviewing.read(reader.id(), reader.staff(), id)
                .map(review -> ReviewView.of(review, reader.id(), reader.staff())));
    }

    /** 201 with the review: {@code APPROVED} when the filter passed it, {@code PENDING} or {@code HELD} when a moderator will look. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<RestResponse<ReviewView>> write(@NotNull @Valid WriteForm form) {
        String self = Callers.self(caller);
        return reviewing.write(self, form.orderId(), form.productId(), form.rating(), form.title(), form.text(), form.images())
                .map(review -> RestResponse.status(RestResponse.Status.CREATED, ReviewView.of(review, self, false)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<ReviewView> edit(@PathParam("id") @Size(max = 64) String id, @NotNull @Valid EditForm form) {
        String self = Callers.self(caller);
        return reviewing.edit(self, id, form.rating(), form.title(), form.text(), form.images()).map(review -> ReviewView.of(review, self, false));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<RestResponse<Void>> delete(@PathParam("id") @Size(max = 64) String id) {
        return reviewing.delete(Callers.self(caller), id).replaceWith(RestResponse.noContent());
    }

    @POST
    @Path("/{id}/helpful")
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<Helpful> helpful(@PathParam("id") @Size(max = 64) String id) {
        return reviewing.voteHelpful(Callers.self(caller), id).map(review -> new Helpful(review.helpful));
    }

    @POST
    @Path("/{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
    public Uni<RestResponse<Void>> report(@PathParam("id") @Size(max = 64) String id, @NotNull @Valid ReportForm form) {
        return reviewing.report(Callers.self(caller), id, form.reason().strip()).replaceWith(RestResponse.accepted());
    }
}
