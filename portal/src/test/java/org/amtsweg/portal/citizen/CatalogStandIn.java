package org.amtsweg.portal.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import org.amtsweg.portal.api.CatalogApi;

/**
 * The catalogue as a page's unit test sees it: each test answers the calls its page makes and nothing else, so a
 * call it did not expect fails loudly instead of answering something made up.
 */
abstract class CatalogStandIn implements CatalogApi {

    @Override
    public JsonNode search(String query, String ags, Integer size) {
        throw new UnsupportedOperationException("search");
    }

    @Override
    public JsonNode service(String key) {
        throw new UnsupportedOperationException("service");
    }

    @Override
    public JsonNode form(String key, int version) {
        throw new UnsupportedOperationException("form");
    }

    @Override
    public JsonNode responsibility(String service, String ags) {
        throw new UnsupportedOperationException("responsibility");
    }

    @Override
    public JsonNode places(String query, Integer limit) {
        throw new UnsupportedOperationException("places");
    }

    @Override
    public JsonNode authority(String id) {
        throw new UnsupportedOperationException("authority");
    }

    @Override
    public Response logo(String id) {
        throw new UnsupportedOperationException("logo");
    }
}
