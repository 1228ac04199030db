package org.amtsweg.application.report;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.amtsweg.application.Problems;
import org.amtsweg.application.security.Administrator;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A council's figures: the intake funnel per service and form step, for the administrators of an authority. */
@Path("/reports/funnel")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final FunnelQueries queries;
    private final JsonWebToken token;

    public FunnelResource(FunnelQueries queries, JsonWebToken token) {
        this.queries = queries;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The intake funnel of a month",
            description =
                    "Of the drafts started in the month (Europe/Berlin): started, saved, submitted, abandoned (deleted as expired or"
                            + " untouched for longer than the draft retention) and open, per service, and per step of its form how many reached it"
                            + " and how many were abandoned or are open there. Role admin (the gateway's roles claim): the operator's"
                            + " administrators any authority or all, an authority's administrators their own.")
    public Uni<FunnelReport> funnel(
            @Parameter(description = "The month, e.g. 2026-12", required = true, example = "2026-12")
                    @QueryParam("month")
                    String month,
            @Parameter(
                            description =
                                    "The authority, e.g. stadt-hagen; an authority's administrators default to theirs, the operator's to all")
                    @QueryParam("authority")
                    String authority) {
        YearMonth parsed = month(month);
        return queries.funnel(parsed, Administrator.of(token).scope(authority));
    }

    private static YearMonth month(String text) {
        if (text == null || !text.matches("[0-9]{4}-[0-9]{2}")) {
            throw Problems.invalidParameter(
                    "month",
                    text == null
                            ? "Der Monat fehlt (month=JJJJ-MM, z. B. 2026-12)."
                            : "month muss ein Monat der Form JJJJ-MM sein, z. B. 2026-12.");
        }
        try {
            return YearMonth.parse(text, MONTH);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter("month", "month muss ein Monat der Form JJJJ-MM sein, z. B. 2026-12.");
        }
    }
}
