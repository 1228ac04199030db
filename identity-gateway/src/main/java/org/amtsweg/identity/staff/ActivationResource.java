package org.amtsweg.identity.staff;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.amtsweg.identity.authorize.BrowserBinding;
import org.amtsweg.identity.authorize.Pages;
import org.amtsweg.identity.token.OpaqueTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /activate?token=}: where a member of staff whose account was created over SCIM without password sets
 * it, through her one-time link (valid for {@code amtsweg.identity.activation-link-lifetime}, used once). The
 * form is bound to the browser that opened the page like the login form ({@link BrowserBinding}): its CSRF
 * value is derived from the browser's cookie, so a form posted from elsewhere, or by another browser, fails.
 */
@Path("/activate")
@Tag(name = "Activation")
public class ActivationResource {

    private static final Logger AUDIT = Logger.getLogger("org.amtsweg.identity.audit");

    /** A link's account, if the link is still usable. */
    private record Pending(String userName, String displayName) {}

    private final Pool pool;
    private final Vertx vertx;
    private final BrowserBinding binding;
    private final Template activate;
    private final Template message;

    public ActivationResource(
            Pool pool,
            Vertx vertx,
            BrowserBinding binding,
            @Location("activate.html") Template activate,
            @Location("message.html") Template message) {
        this.pool = pool;
        this.vertx = vertx;
        this.binding = binding;
        this.activate = activate;
        this.message = message;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page where a new member of staff sets her password")
    public Uni<Response> page(@QueryParam("token") String token, @CookieParam(BrowserBinding.COOKIE) String cookie) {
        return pending(pool, token, false).map(found -> {
            if (found.isEmpty()) {
                return unusable();
            }
            String browser = binding.valueFor(cookie);
            return Response.fromResponse(form(200, token, browser, found.get(), null))
                    .cookie(binding.cookie(browser))
                    .build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sets the password through the one-time link")
    public Uni<Response> activate(
            @FormParam("token") String token,
            @FormParam("csrf") String csrf,
            @FormParam("password") String password,
            @FormParam("confirmation") String confirmation,
            @CookieParam(BrowserBinding.COOKIE) String cookie) {
        if (token == null
                || csrf == null
                || cookie == null
                || !MessageDigest.isEqual(
                        csrf.getBytes(StandardCharsets.UTF_8),
                        csrfFor(cookie, token).getBytes(StandardCharsets.UTF_8))) {
            AUDIT.warn("activation form refused: wrong CSRF value or another browser's (or no) cookie");
            return Uni.createFrom()
                    .item(
                            page(
                                    403,
                                    "Aktivierung nicht möglich",
                                    "Das Formular stammt nicht von der Aktivierungsseite, die in diesem Browser geöffnet wurde. Bitte öffnen Sie den Link erneut."));
        }
        return pool.withTransaction(connection -> pending(connection, token, true)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(unusable());
                    }
                    Pending account = found.get();
                    Optional<String> problem = password == null || !password.equals(confirmation)
                            ? Optional.of("Die beiden Passwörter stimmen nicht überein.")
                            : PasswordRules.check(account.userName(), password).map(PasswordRules.Broken::german);
                    if (problem.isPresent()) {
                        return Uni.createFrom().item(form(400, token, cookie, account, problem.get()));
                    }
                    return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password)))
                            .chain(hash -> connection
                                    .preparedQuery("UPDATE staff_account SET password_hash = $2 WHERE username = $1")
                                    .execute(Tuple.of(account.userName(), hash)))
                            .chain(() -> connection
                                    .preparedQuery("UPDATE staff_activation SET used_at = now() WHERE token_hash = $1")
                                    .execute(Tuple.of(OpaqueTokens.sha256Hex(token))))
                            .map(ignored -> {
                                AUDIT.info("staff account activated: password set through the one-time link");
                                return page(
                                        200,
                                        "Passwort gesetzt",
                                        "Ihr Zugang ist eingerichtet. Sie können sich jetzt mit Ihrem Benutzernamen "
                                                + account.userName() + " und Ihrem neuen Passwort anmelden.");
                            });
                }));
    }

    /** The account of a link that is unused, unexpired, and whose account is active and still has no password. */
    private static Uni<Optional<Pending>> pending(SqlClient client, String token, boolean forUpdate) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.preparedQuery("""
                        SELECT s.username, s.display_name FROM staff_activation a JOIN staff_account s ON s.username = a.username
                        WHERE a.token_hash = $1 AND a.used_at IS NULL AND a.expires_at > now() AND s.active AND s.password_hash IS NULL""" + (forUpdate ? " FOR UPDATE OF a" : ""))
                .execute(Tuple.of(OpaqueTokens.sha256Hex(token)))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(new Pending(
                                rows.iterator().next().getString("username"),
                                rows.iterator().next().getString("display_name"))));
    }

    /** The form's CSRF value: bound to the browser's cookie and to this link, unknowable without the cookie. */
    static String csrfFor(String browser, String token) {
        return OpaqueTokens.sha256Hex("activation\n" + browser + "\n" + token);
    }

    private Response form(int status, String token, String browser, Pending account, String error) {
        String body = activate.data("token", token)
                .data("csrf", csrfFor(browser, token))
                .data("userName", account.userName())
                .data("displayName", account.displayName())
                .data("minLength", PasswordRules.MIN_LENGTH)
                .data("error", error)
                .render();
        return Pages.html(status, body, null);
    }

    private Response unusable() {
        return page(
                410,
                "Link nicht mehr gültig",
                "Dieser Aktivierungslink ist abgelaufen, wurde schon verwendet oder ist unbekannt. "
                        + "Bitte wenden Sie sich an die Stelle, die Ihren Zugang eingerichtet hat.");
    }

    private Response page(int status, String title, String text) {
        return Pages.html(
                status, message.data("title", title).data("text", text).render(), null);
    }
}
