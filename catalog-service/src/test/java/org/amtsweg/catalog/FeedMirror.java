package org.amtsweg.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Another portal's copy of the catalogue, kept the way the feed's README tells it to: the full feeds once, then the
 * change feed from the cursor they carried, fetching each changed document again (or dropping a deleted one).
 */
final class FeedMirror {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, JsonNode> services = new TreeMap<>();
    final Map<String, JsonNode> authorities = new TreeMap<>();
    String cursor;
    /** The changes followed so far, as "entity:id". */
    final List<String> followed = new ArrayList<>();

    /** Mirrors the full feeds; the cursor is the first document's, which can only lead to re-reading what is held already. */
    static FeedMirror mirror() {
        FeedMirror mirror = new FeedMirror();
        JsonNode services = get("/feed/services");
        JsonNode authorities = get("/feed/authorities");
        services.path("services")
                .forEach(service -> mirror.services.put(service.path("key").asText(), service));
        authorities
                .path("authorities")
                .forEach(
                        authority -> mirror.authorities.put(authority.path("id").asText(), authority));
        mirror.cursor = services.path("cursor").asText();
        return mirror;
    }

    /** Follows the change feed in pages of {@code limit} until it has nothing more; returns how many changes it applied. */
    int follow(int limit) {
        int applied = 0;
        for (int pages = 0; pages < 10_000; pages++) {
            JsonNode page = JSON.valueToTree(given().queryParam("since", cursor)
                    .queryParam("limit", limit)
                    .get("/feed/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .as(Map.class));
            for (JsonNode change : page.path("changes")) {
                Map<String, JsonNode> documents =
                        change.path("entity").asText().equals("service") ? services : authorities;
                String id = change.path("id").asText();
                followed.add(change.path("entity").asText() + ":" + id);
                if (change.path("change").asText().equals("deleted")) {
                    documents.remove(id);
                } else {
                    Response document = given().get(change.path("href").asText());
                    if (document.statusCode() == 404) {
                        documents.remove(id);
                    } else {
                        assertThat(document.statusCode()).isEqualTo(200);
                        documents.put(id, JSON.valueToTree(document.as(Map.class)));
                    }
                }
                applied++;
            }
            cursor = page.path("next").asText();
            if (!page.path("more").asBoolean()) {
                return applied;
            }
        }
        throw new AssertionError("the change feed never ended");
    }

    /** What a fresh full mirror holds now, to compare with. */
    static FeedMirror fresh() {
        return mirror();
    }

    static JsonNode get(String path) {
        return JSON.valueToTree(
                given().get(path).then().statusCode(200).extract().as(Map.class));
    }
}
