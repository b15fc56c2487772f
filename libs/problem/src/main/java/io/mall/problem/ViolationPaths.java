package io.mall.problem;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names a bad field the way the client wrote it, not the way the server code calls it. */
final class ViolationPaths {

    private ViolationPaths() {
    }

    /**
     * Bean Validation paths of resource parameters look like {@code create.request.address.zipCode}:
     * the Java method and parameter names mean nothing to a client, so they are dropped, except for a
     * plain parameter such as a query parameter, where the parameter name is the field.
     */
    static String of(Path path) {
        List<String> names = new ArrayList<>();
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER && nodes.hasNext()) {
                continue;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + position(node));
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        return String.join(".", names);
    }

    /** Jackson's path to where reading the body failed, e.g. {@code lines[2].quantity}. */
    static String of(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A node inside a list or map carries its position; it is written after the container's name. */
    private static String position(Path.Node node) {
        if (node.getIndex() != null) {
            return "[" + node.getIndex() + "]";
        }
        return node.getKey() != null ? "[" + node.getKey() + "]" : "[]";
    }
}
