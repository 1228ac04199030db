package org.amtsweg.portal.login;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import jakarta.enterprise.context.ApplicationScoped;
import org.amtsweg.portal.PortalConfig;

/**
 * Names the trust level a citizen's login must reach ({@code acr_values}) on every redirect to the gateway's
 * authorization endpoint: the portal's minimum (the catalogue's online services demand "substantial" or more),
 * or the higher level a step-up asks for ({@link StepUp}). The staff tenant is left alone: clerks log in with
 * their password.
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class AcrValues implements OidcRedirectFilter {

    private final PortalConfig config;

    public AcrValues(PortalConfig config) {
        this.config = config;
    }

    @Override
    public void filter(OidcRedirectContext context) {
        if (!context.oidcTenantConfig().tenantId().map("Default"::equals).orElse(true)) {
            return;
        }
        TrustLevel level = config.minimumTrustLevel();
        if (StepUp.PATH.equals(context.routingContext().normalizedPath())) {
            TrustLevel asked = TrustLevel.of(context.routingContext().request().getParam("niveau"))
                    .orElse(level);
            level = asked.reaches(level) ? asked : level;
        }
        context.additionalQueryParams().set("acr_values", level.acr());
    }
}
