package io.mall.product.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.product.domain.Category;
import io.mall.product.app.Catalog;
import io.smallrye.mutiny.Uni;

/** The category tree: everyone reads it, administrators shape it. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    public record CategoryView(String id, String name, String slug, String parentId, String path, List<String> ancestorIds) {
        static CategoryView of(Category category) {
            return new CategoryView(category.id, category.name, category.slug, category.parentId, category.path, category.ancestorIds);
        }
    }

    private final Catalog catalog;

    CategoryResource(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Every category, ordered by path, so parents come before their children. */
    @GET
    @PermitAll
    public Uni<List<CategoryView>> all() {
        return catalog.allCategories().map(all -> all.stream().map(CategoryView::of).toList());
    }

    @POST
    @RolesAllowed("ADMIN")
    public Uni<RestResponse<CategoryView>> create(@Valid @NotNull Requests.NewCategory request) {
        return catalog.createCategory(request.name(), request.parentId()).map(CategoryView::of)
                .map(view -> RestResponse.ResponseBuilder.<CategoryView>created(URI.create("/api/v1/categories/" + view.id()))
                        .entity(view).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("ADMIN")
    public Uni<CategoryView> change(@PathParam("id") String id, @Valid @NotNull Requests.CategoryChange request) {
        return catalog.changeCategory(id, request.name(), request.parentId(), Boolean.TRUE.equals(request.root()))
                .map(CategoryView::of);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("ADMIN")
    @ResponseStatus(204)
    public Uni<Void> delete(@PathParam("id") String id) {
        return catalog.deleteCategory(id);
    }
}
