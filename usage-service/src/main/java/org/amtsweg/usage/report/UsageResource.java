package org.amtsweg.usage.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.amtsweg.resourceserver.http.Download;
import org.amtsweg.resourceserver.problem.PlatformProblem;
import org.amtsweg.usage.BillingMonth;
import org.amtsweg.usage.UsageConfig;
import org.amtsweg.usage.security.Administrator;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The usage report of a month for the administrators who share the platform's costs. */
@Path("/usage")
@RolesAllowed("admin")
public class UsageResource {

    private final UsageReports reports;
    private final UsageConfig config;
    private final JsonWebToken token;

    public UsageResource(UsageReports reports, UsageConfig config, JsonWebToken token) {
        this.reports = reports;
        this.config = config;
        this.token = token;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, UsageCsv.MEDIA_TYPE})
    @Operation(
            summary = "The usage figures and the cost allocation of a month",
            description =
                    "Per authority and service: drafts started, applications submitted, cases opened, register checks run, documents"
                            + " stored and removed (count and bytes); per authority the staff accounts active at the month's end and its part of"
                            + " the month's cost, with the formula and its inputs. Months are calendar months in Europe/Berlin. The operator's"
                            + " administrators see every authority (or the one named by authority), an authority's administrators only their own."
                            + " As CSV with Accept: text/csv or format=csv.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsageReport.class)),
                @Content(mediaType = UsageCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    public Uni<Response> usage(
            @Parameter(description = "The month, e.g. 2026-12", required = true, example = "2026-12")
                    @QueryParam("month")
                    String month,
            @Parameter(
                            description =
                                    "Only this authority (the operator's administrators); an authority's own administrators may name theirs")
                    @QueryParam("authority")
                    String authority,
            @Parameter(description = "csv for CSV whatever the Accept header says; json for JSON") @QueryParam("format")
                    String format,
            @Context HttpHeaders headers) {
        BillingMonth billingMonth = BillingMonth.parse(month)
                .orElseThrow(() -> PlatformProblem.invalidParameter(
                        "month",
                        month == null
                                ? "Der Monat fehlt (month=JJJJ-MM, z. B. 2026-12)."
                                : "month muss ein Monat der Form JJJJ-MM sein, z. B. 2026-12."));
        boolean csv = csv(format, headers);
        Optional<String> scope =
                Administrator.from(token, config.operatorAuthority()).scope(authority);
        return reports.report(billingMonth, scope)
                .map(report -> csv
                        ? Download.of(
                                UsageCsv.write(report).getBytes(StandardCharsets.UTF_8),
                                UsageCsv.MEDIA_TYPE + ";charset=UTF-8",
                                "usage-" + report.month() + ".csv")
                        : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw PlatformProblem.invalidParameter("format", "format muss csv oder json sein.");
            };
        }
        // JAX-RS orders the acceptable types by preference; the first one this resource offers wins.
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.isCompatible(MediaType.valueOf(UsageCsv.MEDIA_TYPE)))
                .findFirst()
                .map(type -> !type.isWildcardType() && type.isCompatible(MediaType.valueOf(UsageCsv.MEDIA_TYPE)))
                .orElse(false);
    }
}
