package org.amtsweg.application.intake;

import java.util.ArrayList;
import java.util.List;
import org.amtsweg.application.catalog.Ags;
import org.amtsweg.application.catalog.ServiceKey;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * Body of {@code POST /applications}: which service, and optionally where.
 *
 * @param service the service's key in the catalogue, e.g. {@code wohngeld}
 * @param ags     the municipality the application is for; defaults to the one of the citizen's address
 */
public record NewApplication(String service, String ags) {

    /**
     * What is wrong with the request, by pointer. Checked here, at the edge: a malformed key is the
     * sender's mistake and must never become a request to the catalogue (where it counted as the
     * catalogue's failure and opened its circuit breaker for everyone).
     */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (service == null || service.isEmpty()) {
            violations.add(new Violation("/service", "required", "Die Leistung fehlt.", "The service is missing."));
        } else if (!ServiceKey.isWellFormed(service)) {
            violations.add(new Violation(
                    "/service",
                    "pattern",
                    "Kein gültiger Leistungsschlüssel: Kleinbuchstaben, Ziffern und einzelne Bindestriche, höchstens "
                            + ServiceKey.MAX_LENGTH + " Zeichen (z. B. wohngeld).",
                    "Not a valid service key: lower-case letters, digits and single hyphens, at most "
                            + ServiceKey.MAX_LENGTH + " characters (e.g. wohngeld)."));
        }
        if (ags != null && !Ags.isWellFormed(ags)) {
            violations.add(new Violation(
                    "/ags",
                    "pattern",
                    "Kein gültiger Amtlicher Gemeindeschlüssel: genau 8 Ziffern (z. B. 05914000).",
                    "Not a valid municipality key (AGS): exactly 8 digits (e.g. 05914000)."));
        }
        return violations;
    }
}
