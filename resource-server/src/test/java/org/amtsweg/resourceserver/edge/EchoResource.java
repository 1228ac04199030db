package org.amtsweg.resourceserver.edge;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** A stand-in for a service's resources: typed and untyped bodies, query and path parameters. */
@Path("/echo")
public class EchoResource {

    private final io.vertx.mutiny.sqlclient.Pool database;

    public EchoResource(io.vertx.mutiny.sqlclient.Pool database) {
        this.database = database;
    }

    /** Reads from a database that does not answer (the test profile points the pool at a closed port). */
    @GET
    @Path("/database")
    public io.smallrye.mutiny.Uni<String> database() {
        return database.query("SELECT 1").execute().map(rows -> "read");
    }

    /**
     * Fails as the SQL client does when PostgreSQL goes away under a command: the socket reset, or the command
     * given to a pooled connection that closed meanwhile (messaging's MessagingTest shows the client failing so);
     * or with another failure of the latter's type.
     */
    @GET
    @Path("/lost-connection")
    public io.smallrye.mutiny.Uni<String> lostConnection(@QueryParam("as") String as) {
        return io.smallrye.mutiny.Uni.createFrom().failure(switch (as) {
            case "reset" -> new java.net.SocketException("Connection reset");
            case "closed" -> new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
            default -> new io.vertx.core.impl.NoStackTraceThrowable("something else went wrong");
        });
    }

    public enum Outcome { APPROVED, REJECTED }

    public record Note(String text, int count, LocalDate due, Outcome outcome, List<String> tags, Double amount) {
    }

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
    public io.smallrye.mutiny.Uni<String> form(@jakarta.ws.rs.FormParam("name") String name) {
        // Non-blocking, as the gateway's login: the form is then parsed on the event loop as it arrives.
        return io.smallrye.mutiny.Uni.createFrom().item(name);
    }

    @GET
    @Path("/cases/{id}")
    public String page(@PathParam("id") java.util.UUID id, @QueryParam("limit") Integer limit, @QueryParam("open") Boolean open) {
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

    public record Letter(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 10) String subject,
                         java.util.List<@jakarta.validation.constraints.Pattern(regexp = "[0-9]{5}") String> postalCodes) {
    }

    /** A body with Bean Validation constraints, as a service's resource may declare them. */
    @POST
    @Path("/letter")
    @Consumes(MediaType.APPLICATION_JSON)
    public String letter(@jakarta.validation.Valid Letter letter) {
        return letter.subject();
    }

    /** A multipart upload, as intake takes documents. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String upload(@org.jboss.resteasy.reactive.RestForm("kind") String kind) {
        return kind;
    }
}
