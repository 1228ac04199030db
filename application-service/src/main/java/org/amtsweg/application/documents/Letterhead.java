package org.amtsweg.application.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The letterhead (Briefkopf) of an authority's documents: the authority as the catalogue describes it
 * (name, name line, colours, contact) and its logo as SVG, if it has one.
 */
public record Letterhead(JsonNode authority, Optional<String> logoSvg) {}
