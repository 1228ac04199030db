package org.amtsweg.catalog.admin;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** One reason an administrator's input is refused, located by JSON pointer into the request body. */
public record FieldViolation(String pointer, String message) {

    /** Bean Validation's property paths ({@code leika[0].leikaId}) as JSON pointers ({@code /leika/0/leikaId}). */
    public static List<FieldViolation> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new FieldViolation(pointer(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::pointer))
                .toList();
    }

    private static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                pointer.append('/').append(node.getIndex());
            }
            // A list element's own node is named "<list element>": the index above already points at it.
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                pointer.append('/').append(node.getName());
            }
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }
}
