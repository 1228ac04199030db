package org.amtsweg.cases.handover.registration;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.amtsweg.resourceserver.input.InvalidInputException;
import org.amtsweg.resourceserver.problem.Violation;

/**
 * What a handover registration accepts, checked completely before anything is written (422 with every
 * violation's JSON pointer). The keys are parsed by nimbus-jose-jwt: the encryption key an RSA key of at least
 * 2048 bits for {@code enc} (RSA-OAEP-256), the signing key RSA (≥ 2048) or EC (P-256/384/521); both public only,
 * because a private key sent here would be a secret in the platform's database and audit trail.
 */
public record RegistrationInput(
        String mode, String endpoint, Map<String, Object> encryptionKey, Map<String, Object> signingKey) {

    static final int MAX_ENDPOINT = 2_000;
    static final int MIN_RSA_BITS = 2048;
    private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

    /** The keys as parsed, once the input is valid. */
    record Checked(String mode, String endpoint, JWK encryptionKey, JWK signingKey) {}

    Checked check(boolean allowHttp) {
        List<Violation> violations = new ArrayList<>();
        if (mode == null) {
            violations.add(new Violation(
                    "/mode",
                    "required",
                    "Die Art der Übergabe fehlt: pull oder push.",
                    "The mode is missing: pull or push."));
        } else if (!HandoverRegistration.PULL.equals(mode) && !HandoverRegistration.PUSH.equals(mode)) {
            violations.add(new Violation(
                    "/mode", "enum", "Die Art der Übergabe ist pull oder push.", "The mode is pull or push."));
        }
        boolean push = HandoverRegistration.PUSH.equals(mode);
        String checkedEndpoint = endpoint(push, allowHttp, violations);
        JWK encryption = encryptionKey(push, violations);
        JWK signing = signingKey(push, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Checked(mode, checkedEndpoint, encryption, signing);
    }

    private String endpoint(boolean push, boolean allowHttp, List<Violation> violations) {
        if (endpoint == null) {
            if (push) {
                violations.add(new Violation(
                        "/endpoint",
                        "required",
                        "Für push ist die Adresse des Fachverfahrens nötig.",
                        "Push needs the procedure's endpoint."));
            }
            return null;
        }
        if (!push) {
            violations.add(new Violation(
                    "/endpoint",
                    "not",
                    "Eine Adresse gibt es nur für push; pull holt die Fälle ab.",
                    "Only push has an endpoint; pull fetches the cases."));
            return null;
        }
        URI uri;
        try {
            uri = endpoint.length() > MAX_ENDPOINT ? null : new URI(endpoint);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean https = uri != null && "https".equalsIgnoreCase(uri.getScheme());
        boolean http = uri != null && "http".equalsIgnoreCase(uri.getScheme());
        if (uri == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || !(https || http)) {
            violations.add(new Violation(
                    "/endpoint",
                    "format",
                    "Eine absolute https-Adresse ohne Zugangsdaten und ohne Fragment (höchstens " + MAX_ENDPOINT
                            + " Zeichen).",
                    "An absolute https URL without user info or fragment (at most " + MAX_ENDPOINT + " characters)."));
        } else if (http && !allowHttp) {
            violations.add(new Violation(
                    "/endpoint",
                    "https",
                    "Fälle werden nur über https übergeben.",
                    "Cases are delivered over https only."));
        }
        return endpoint;
    }

    private JWK encryptionKey(boolean push, List<Violation> violations) {
        if (encryptionKey == null) {
            if (push) {
                violations.add(new Violation(
                        "/encryptionKey",
                        "required",
                        "Für push ist der öffentliche Verschlüsselungsschlüssel (JWK) nötig.",
                        "Push needs the public encryption key (JWK)."));
            }
            return null;
        }
        JWK key = parse("/encryptionKey", encryptionKey, violations);
        if (key == null) {
            return null;
        }
        if (!(key instanceof RSAKey rsa) || rsa.size() < MIN_RSA_BITS) {
            violations.add(new Violation(
                    "/encryptionKey/kty",
                    "rsa",
                    "Der Verschlüsselungsschlüssel ist ein RSA-Schlüssel mit mindestens 2048 Bit.",
                    "The encryption key is an RSA key of at least 2048 bits."));
        }
        if (!KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
            violations.add(new Violation(
                    "/encryptionKey/use",
                    "const",
                    "Der Verschlüsselungsschlüssel trägt \"use\": \"enc\".",
                    "The encryption key carries \"use\": \"enc\"."));
        }
        if (key.getAlgorithm() != null && !JWEAlgorithm.RSA_OAEP_256.equals(key.getAlgorithm())) {
            violations.add(new Violation(
                    "/encryptionKey/alg",
                    "const",
                    "Verschlüsselt wird mit RSA-OAEP-256.",
                    "Encryption uses RSA-OAEP-256."));
        }
        return key;
    }

    private JWK signingKey(boolean push, List<Violation> violations) {
        if (signingKey == null) {
            if (push) {
                violations.add(new Violation(
                        "/signingKey",
                        "required",
                        "Für push ist der öffentliche Signaturschlüssel (JWK) nötig, der die Quittungen des Fachverfahrens prüft.",
                        "Push needs the public signing key (JWK) that verifies the procedure's acknowledgements."));
            }
            return null;
        }
        JWK key = parse("/signingKey", signingKey, violations);
        if (key == null) {
            return null;
        }
        boolean strong = key instanceof RSAKey rsa
                ? rsa.size() >= MIN_RSA_BITS
                : key instanceof ECKey ec && CURVES.contains(ec.getCurve());
        if (!strong) {
            violations.add(new Violation(
                    "/signingKey/kty",
                    "key",
                    "Der Signaturschlüssel ist RSA (mindestens 2048 Bit) oder EC (P-256, P-384, P-521).",
                    "The signing key is RSA (at least 2048 bits) or EC (P-256, P-384, P-521)."));
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            violations.add(new Violation(
                    "/signingKey/use",
                    "const",
                    "Der Signaturschlüssel trägt \"use\": \"sig\" (oder keines).",
                    "The signing key carries \"use\": \"sig\" (or none)."));
        }
        return key;
    }

    private static JWK parse(String pointer, Map<String, Object> json, List<Violation> violations) {
        JWK key;
        try {
            key = JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            violations.add(new Violation(
                    pointer,
                    "jwk",
                    "Kein gültiger öffentlicher Schlüssel im JWK-Format (RFC 7517).",
                    "Not a valid public key in JWK format (RFC 7517)."));
            return null;
        }
        if (key.isPrivate()) {
            violations.add(new Violation(
                    pointer,
                    "public",
                    "Nur den öffentlichen Schlüssel senden; der private bleibt beim Fachverfahren.",
                    "Send the public key only; the private key stays with the procedure."));
            return null;
        }
        return key;
    }
}
