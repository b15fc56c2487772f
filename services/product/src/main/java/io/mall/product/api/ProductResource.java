package io.mall.product.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.idempotency.IdempotencyKeys;
import io.mall.problem.ProblemException;
import io.mall.product.domain.Product;
import io.mall.product.app.Catalog;
import io.mall.product.app.Inventory;
import io.mall.product.store.SearchIndex;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/** The catalog: search and product pages for everyone; changes for administrators. */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    /** A search hit as a listing shows it. */
    public record Summary(String id, String name, String brand, long fromPrice, String currency, String image,
            ProductView.RatingView rating, boolean inStock) {
    }

    public record Page(List<Summary> items, long total, int page, int size, long pages,
            Map<String, List<SearchIndex.Bucket>> facets) {
    }

    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE = 1000;

    private final Catalog catalog;
    private final Inventory inventory;
    private final SearchIndex index;
    private final IdempotencyKeys idempotency;
    private final JsonWebToken caller;
    private final Vertx vertx;

    ProductResource(Catalog catalog, Inventory inventory, SearchIndex index, IdempotencyKeys idempotency, JsonWebToken caller,
            Vertx vertx) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.index = index;
        this.idempotency = idempotency;
        this.caller = caller;
        this.vertx = vertx;
    }

    @GET
    @PermitAll
    public Uni<Page> search(@Context UriInfo uri) {
        SearchIndex.Criteria criteria = criteria(uri.getQueryParameters());
        return vertx.executeBlocking(() -> index.search(criteria), false)
                .map(result -> new Page(result.hits().stream().map(ProductResource::summary).toList(), result.total(),
                        criteria.page(), criteria.size(), (result.total() + criteria.size() - 1) / criteria.size(), result.facets()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<ProductView> find(@PathParam("id") String id) {
        return catalog.find(id, false).chain(this::view);
    }

    @POST
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<ProductView>> create(@RestHeader(IdempotencyKeys.HEADER) String idempotencyKey,
            @Valid @NotNull Requests.Product request) {
        // optional: the SKUs' uniqueness already keeps a retried creation from making a second product
        return idempotency.once(idempotencyKey, false, caller.getSubject(), "POST /api/v1/products", request, ProductView.class,
                () -> catalog.create(request.draft()).chain(this::view)
                        .map(view -> RestResponse.ResponseBuilder.<ProductView>created(URI.create("/api/v1/products/" + view.id()))
                                .entity(view).build()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("ADMIN")
    public Uni<ProductView> describe(@PathParam("id") String id, @Valid @NotNull Requests.Description request) {
        return catalog.update(id, request.version(), request.draft()).chain(this::view);
    }

    @PUT
    @Path("/{id}/variants/{sku}/price")
    @RolesAllowed("ADMIN")
    public Uni<ProductView> changePrice(@PathParam("id") String id, @PathParam("sku") String sku,
            @Valid @NotNull Requests.Price request) {
        return catalog.changePrice(id, request.version(), sku, request.price(), request.currency()).chain(this::view);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed("ADMIN")
    public Uni<ProductView> archive(@PathParam("id") String id, @Valid @NotNull Requests.Versioned request) {
        return catalog.archive(id, request.version()).chain(this::view);
    }

    private Uni<ProductView> view(Product product) {
        return inventory.shown(product.variants.stream().map(v -> v.sku).toList()).map(stock -> ProductView.of(product, stock));
    }

    private static Summary summary(SearchIndex.Hit hit) {
        return new Summary(hit.id(), hit.name(), hit.brand(), hit.fromPrice(), hit.currency(), hit.image(),
                new ProductView.RatingView(hit.ratingCount(), hit.ratingAverage()), hit.inStock());
    }

    /** Query parameters, each checked: a bad one is a 400 naming it, never a silent default. */
    static SearchIndex.Criteria criteria(MultivaluedMap<String, String> query) {
        String text = single(query, "q");
        if (text != null && text.length() > 200) {
            throw bad("q", "must be at most 200 characters");
        }
        String category = single(query, "category");
        Long minPrice = number(query, "minPrice", 0, Long.MAX_VALUE);
        Long maxPrice = number(query, "maxPrice", 0, Long.MAX_VALUE);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw bad("minPrice", "must not be above maxPrice");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getKey().startsWith("attr.")) {
                String name = entry.getKey().substring("attr.".length());
                if (!name.matches(Requests.NAME_KEY) || entry.getValue().size() != 1 || entry.getValue().get(0).length() > 200) {
                    throw bad(entry.getKey(), "must be one value of at most 200 characters, for an attribute name of letters and digits");
                }
                attributes.put(name, entry.getValue().get(0));
            }
        }
        Boolean inStock = bool(query, "inStock");
        String rating = single(query, "minRating");
        Double minRating = null;
        if (rating != null) {
            try {
                minRating = Double.parseDouble(rating);
            } catch (NumberFormatException e) {
                throw bad("minRating", "must be a number from 0 to 5");
            }
            if (!(minRating >= 0 && minRating <= 5)) {
                throw bad("minRating", "must be a number from 0 to 5");
            }
        }
        SearchIndex.Sorting sorting = null;
        String sort = single(query, "sort");
        if (sort != null) {
            try {
                sorting = SearchIndex.Sorting.valueOf(sort.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad("sort", "must be one of relevance, price_asc, price_desc, newest, rating");
            }
        }
        Long page = number(query, "page", 0, MAX_PAGE);
        Long size = number(query, "size", 1, MAX_PAGE_SIZE);
        return new SearchIndex.Criteria(text, category == null ? null : List.of(category), minPrice, maxPrice, attributes, inStock,
                minRating, sorting, page == null ? 0 : page.intValue(), size == null ? 20 : size.intValue());
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw bad(name, "must be given once");
        }
        return values.get(0);
    }

    private static Long number(MultivaluedMap<String, String> query, String name, long min, long max) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw bad(name, "must be from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a whole number");
        }
    }

    private static Boolean bool(MultivaluedMap<String, String> query, String name) {
        String value = single(query, name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw bad(name, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private static ProblemException bad(String parameter, String message) {
        return new ProblemException(400, "invalid request: " + parameter,
                List.of(new io.mall.problem.Problem.Violation(parameter, message)));
    }

}
