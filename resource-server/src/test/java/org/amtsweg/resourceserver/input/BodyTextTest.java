package org.amtsweg.resourceserver.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.amtsweg.resourceserver.problem.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class BodyTextTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void namesEachOffendingValueByItsPointer() throws Exception {
        var body =
                mapper.readTree("{\"antragsteller\": {\"vorname\": \"Er\\u0000ika\"}, \"liste\": [\"ok\", \"\\ud800\"],"
                        + " \"a/b~c\": \"\\u000b\", \"zahl\": 1e400}");
        assertThat(BodyText.violations(body))
                .extracting(Violation::pointer, Violation::keyword)
                .containsExactly(
                        Tuple.tuple("/antragsteller/vorname", "text"),
                        Tuple.tuple("/liste/1", "text"),
                        Tuple.tuple("/a~1b~0c", "text"),
                        Tuple.tuple("/zahl", "number"));
    }

    @Test
    void refusesForbiddenCharactersInKeys() throws Exception {
        var body = mapper.readTree("{\"x\\u0000\": 1}");
        assertThat(BodyText.violations(body)).extracting(Violation::pointer).containsExactly("/x\u0000");
    }

    @Test
    void acceptsOrdinaryData() throws Exception {
        var body = mapper.readTree(
                "{\"name\": \"Hagener Wohnungsbau eG\", \"miete\": 650.5, \"n\": [1, 2, {\"x\": null}]}");
        assertThat(BodyText.violations(body)).isEmpty();
    }

    @Test
    void stopsCountingAtALimit() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            json.append(i == 0 ? "" : ",").append("\"\\u0000\"");
        }
        assertThat(BodyText.violations(mapper.readTree(json.append("]").toString())))
                .hasSize(BodyText.MAX_VIOLATIONS);
    }
}
