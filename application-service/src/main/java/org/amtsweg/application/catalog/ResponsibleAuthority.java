package org.amtsweg.application.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The authority responsible for a service at a place (Zuständigkeit), with the branding the
 * citizen must see on everything about her application.
 */
public record ResponsibleAuthority(String id, String name, String referencePrefix, JsonNode branding) {}
