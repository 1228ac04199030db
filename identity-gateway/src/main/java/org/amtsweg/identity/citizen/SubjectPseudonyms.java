package org.amtsweg.identity.citizen;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.amtsweg.identity.IdentityConfig;

/**
 * Derives the stable pseudonymous {@code sub} of a person: the same person always gets the same
 * subject, but the subject reveals nothing about them (no name, no card number) to the services.
 */
@ApplicationScoped
public class SubjectPseudonyms {

    private final SecretKeySpec key;

    public SubjectPseudonyms(IdentityConfig config) {
        this.key = new SecretKeySpec(config.pseudonymSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String kind, String personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((kind + ":" + personId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 27);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
