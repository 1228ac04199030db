package org.amtsweg.portal.branding;

import io.quarkus.qute.TemplateData;

/**
 * What every page shows around its content: the authority (or the neutral platform before one is
 * known), who is logged in, and whether this is the citizens' portal or the clerks' workspace;
 * {@code sessionMinutes}, after which an unused login ends, for the warning before it does.
 */
@TemplateData
public record Frame(Authority brand, String person, boolean staff, long sessionMinutes) {

    public boolean loggedIn() {
        return person != null;
    }

    public String logoutPath() {
        return staff ? "/sachbearbeitung/abmelden" : "/abmelden";
    }
}
