package org.amtsweg.application.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a form accepts as attachments, from its presentation hints: per kind the media types, the
 * maximum size and whether it is required. Without hints: PDF, PNG, JPEG up to 10 MB each.
 */
public record AttachmentRules(List<Kind> kinds) {

    public static final List<String> DEFAULT_TYPES = List.of("application/pdf", "image/png", "image/jpeg");
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** All attachments of one application together. */
    public static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    /** One kind of document the form asks for. */
    public record Kind(String kind, String label, boolean required, List<String> mediaTypes, long maxBytes) {}

    public static AttachmentRules of(JsonNode presentation) {
        List<Kind> kinds = new ArrayList<>();
        for (JsonNode hint : presentation.path("attachments")) {
            List<String> types = new ArrayList<>();
            hint.path("mediaTypes").forEach(type -> types.add(type.asText()));
            kinds.add(new Kind(
                    hint.path("kind").asText(),
                    hint.path("label").asText(hint.path("kind").asText()),
                    hint.path("required").asBoolean(false),
                    types.isEmpty() ? DEFAULT_TYPES : types,
                    hint.path("maxBytes").asLong(DEFAULT_MAX_BYTES)));
        }
        return new AttachmentRules(kinds);
    }

    /** The rules for a kind; a form without hints accepts any kind with the defaults. */
    public Optional<Kind> kind(String kind) {
        if (kinds.isEmpty()) {
            return Optional.of(new Kind(kind, kind, false, DEFAULT_TYPES, DEFAULT_MAX_BYTES));
        }
        return kinds.stream().filter(candidate -> candidate.kind().equals(kind)).findFirst();
    }

    public List<Kind> required() {
        return kinds.stream().filter(Kind::required).toList();
    }
}
