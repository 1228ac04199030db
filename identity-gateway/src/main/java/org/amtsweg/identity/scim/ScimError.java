package org.amtsweg.identity.scim;

/**
 * A refusal of the SCIM service provider, answered as RFC 7644 §3.12 error JSON
 * ({@code urn:ietf:params:scim:api:messages:2.0:Error}) with {@code application/scim+json}: SCIM clients
 * (a municipality's identity management) parse exactly that, not RFC 9457.
 */
public class ScimError extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimError(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    public static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    public static ScimError mutability(String detail) {
        return new ScimError(400, "mutability", detail);
    }

    public static ScimError uniqueness(String detail) {
        return new ScimError(409, "uniqueness", detail);
    }

    public static ScimError notFound(String what) {
        return new ScimError(404, null, what + " not found");
    }

    public static ScimError preconditionFailed() {
        return new ScimError(412, null, "the resource was changed since the version given in If-Match");
    }
}
