package org.amtsweg.events;

/** The Kafka topics of the platform; each is keyed by the id of the aggregate its events belong to. */
public final class Topics {

    /** Events of applications (key: application id). */
    public static final String APPLICATIONS = "applications";
    /** Events of cases (key: application id, so that a journey's events stay in one partition). */
    public static final String CASES = "cases";
    /** Events of the service catalogue (key: the changed entity's id). */
    public static final String CATALOG = "catalog";
    /**
     * Events of the identity gateway (key: the login session, else the revocation's id). Every instance of
     * every resource server reads all of it, so it is kept short: an hour (a token lives minutes).
     */
    public static final String IDENTITY = "identity";

    /**
     * Administrative changes of every service ({@code AdministrativeChange}, key: the changed entity's id):
     * the audit trail an operator follows. Kept like the business topics, not like {@code identity}.
     */
    public static final String ADMINISTRATION = "administration";

    private Topics() {}
}
