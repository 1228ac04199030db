package org.amtsweg.catalog.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A published version of a service's form: the JSON Schema (2020-12) of the data and the hints for
 * showing it (German labels, order, sections, help, prefill from identity claims, attachments).
 */
public record FormVersion(
        String service,
        int version,
        JsonNode schema,
        JsonNode presentation,
        OffsetDateTime publishedAt,
        String publishedBy) {}
