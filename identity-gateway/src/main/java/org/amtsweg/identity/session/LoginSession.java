package org.amtsweg.identity.session;

import java.time.Instant;
import org.amtsweg.identity.assurance.LoginMethod;

/**
 * What a person proved at login, and when (the {@code sid} of their tokens).
 *
 * @param subjectKind {@code citizen}, {@code staff} or {@code federated} (vouched for by the upstream provider)
 * @param subjectRef  the test identity's id, the staff username, or the upstream's issuer and subject; never leaves the gateway
 * @param claims      for federated logins: the person's claims as the upstream provider released them (JSON), else null
 */
public record LoginSession(
        String sid, String subjectKind, String subjectRef, LoginMethod method, Instant authTime, String claims) {

    public LoginSession(String sid, String subjectKind, String subjectRef, LoginMethod method, Instant authTime) {
        this(sid, subjectKind, subjectRef, method, authTime, null);
    }
}
