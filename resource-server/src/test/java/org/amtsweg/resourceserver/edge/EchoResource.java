package org.amtsweg.resourceserver.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.SocketException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** A stand-in for a service's resources: typed and untyped bodies, query and path parameters. */
@Path("/echo")
public class EchoResource {

    private final Pool database;

    public EchoResource(Pool database) {
        this.database = database;
    }

    /** Reads from a database that does not answer (the test profile points the pool at a closed port). */
    @GET
    @Path("/database")
    public Uni<String> database() {
        return database.query("SELECT 1").execute().map(rows -> "read");
    }

    /**
     * Fails as the SQL client does when PostgreSQL goes away under a command: the socket reset, or the command
     * given to a pooled connection that closed meanwhile (messaging's MessagingTest shows the client failing so);
     * or with another failure of the latter's type.
     */
    @GET
    @Path("/lost-connection")
    public Uni<String> lostConnection(@QueryParam("as") String as) {
        return Uni.createFrom()
                .failure(
                        switch (as) {
                            case "reset" -> new SocketException("Connection reset");
                            case "closed" ->
                                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
                            default -> new NoStackTraceThrowable("something else went wrong");
                        });
    }

    public enum Outcome {
        APPROVED,
        REJECTED
    }

    public record Note(String text, int count, LocalDate due, Outcome outcome, List<String> tags, Double amount) {}

    @POST
    @Path("/note")
    @Consumes(MediaType.APPLICATION_JSON)
    public Note note(Note note) {
        return note;
    }

    @PUT
    @Path("/data")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode data(JsonNode data) {
        return data;
    }

    @POST
    @Path("/form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<String> form(@FormParam("name") String name) {
        // Non-blocking, as the gateway's login: the form is then parsed on the event loop as it arrives.
        return Uni.createFrom().item(name);
    }

    @GET
    @Path("/cases/{id}")
    public String page(@PathParam("id") UUID id, @QueryParam("limit") Integer limit, @QueryParam("open") Boolean open) {
        return id + ":" + limit + ":" + open;
    }

    @GET
    @Path("/items/{key}")
    public String item(@PathParam("key") String key, @QueryParam("q") String q) {
        return key + ":" + q;
    }

    /** A refusal of the application's own registered type. */
    @GET
    @Path("/refused")
    public String refused() {
        throw EchoProblem.ECHO_REFUSED.problem("Dieses Echo gibt es nicht.");
    }

    /** A defect: nothing maps it. */
    @GET
    @Path("/failure")
    public String failure() {
        throw new IllegalStateException("org.example.Secret broke");
    }

    public record Letter(
            @NotBlank @Size(max = 10) String subject, List<@Pattern(regexp = "[0-9]{5}") String> postalCodes) {}

    /** A body with Bean Validation constraints, as a service's resource may declare them. */
    @POST
    @Path("/letter")
    @Consumes(MediaType.APPLICATION_JSON)
    public String letter(@Valid Letter letter) {
        return letter.subject();
    }

    /** A multipart upload, as intake takes documents. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String upload(@RestForm("kind") String kind) {
        return kind;
    }
}
