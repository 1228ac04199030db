package org.amtsweg.identity.session;

import org.amtsweg.identity.assurance.LoginMethod;

import java.time.Instant;

/**
 * What a person proved at login, and when (the {@code sid} of their tokens).
 *
 * @param subjectKind {@code citizen} or {@code staff}
 * @param subjectRef  the test identity's id or the staff username; never leaves the gateway
 */
public record LoginSession(String sid, String subjectKind, String subjectRef, LoginMethod method, Instant authTime) {
}
