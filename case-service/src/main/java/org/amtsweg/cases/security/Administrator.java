package org.amtsweg.cases.security;

import org.amtsweg.cases.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An administrator (role {@code admin}) as the token names them: of one authority, or of the platform operator,
 * whose administrators act for every authority. An authority's administrator administers only their own.
 */
public record Administrator(String username, String authority, boolean operator) {

    public static Administrator from(JsonWebToken token, String operatorAuthority) {
        Clerk staff = Clerk.ofAuthority(token);
        return new Administrator(staff.username(), staff.authority(), operatorAuthority.equals(staff.authority()));
    }

    /** Refuses (403) an administrator of another authority. */
    public void mayAdminister(String authority) {
        if (!operator && !this.authority.equals(authority)) {
            throw Problems.forbidden("Sie verwalten nur die Übergabe Ihrer eigenen Behörde (" + this.authority + ").");
        }
    }

    /** The authority whose records the administrator sees, or null for all (the operator). */
    public String scope() {
        return operator ? null : authority;
    }
}
