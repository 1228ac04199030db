package org.amtsweg.identity.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.amtsweg.identity.IdentityConfig;

/**
 * Envelope encryption of the private signing keys at rest: each signing key is encrypted with a data
 * key of its own (a random AES-256-GCM content key), and that data key is wrapped with the master key
 * (AES Key Wrap, A256KW) — one JWE per signing key. A copy of the database alone reveals no signing key.
 * The JWE names the master key by a fingerprint ({@code kid}) and, in its integrity-protected header,
 * the signing key it holds ({@code signing_kid}), so that no row can be swapped for another.
 *
 * <p>The master key comes from {@code amtsweg.identity.keys.master-key} (environment
 * {@code AMTSWEG_IDENTITY_MASTER_KEY}) or the file {@code master-key-file}; earlier master keys in
 * {@code previous-master-keys} are used only to read, so that a rotated master key re-wraps every
 * signing key at the next start.
 */
@ApplicationScoped
public class MasterKeys {

    /**
     * The repository's DEVELOPMENT master key for the {@code local} and {@code test} profiles; it is public,
     * protects nothing, and the {@code prod} profile refuses to start with it.
     */
    public static final String DEVELOPMENT_KEY = "YW10c3dlZy1kZXZlbG9wbWVudC1tYXN0ZXIta2V5ISE=";

    private static final String SIGNING_KEY_ID = "signing_kid";

    private final Optional<SecretKey> current;
    private final Map<String, SecretKey> readable = new LinkedHashMap<>();

    public MasterKeys(IdentityConfig config) {
        this.current = configured(config).map(MasterKeys::decode);
        current.ifPresent(key -> readable.put(fingerprint(key), key));
        for (String previous : config.keys().previousMasterKeys().orElse(List.of())) {
            if (!previous.isBlank()) {
                SecretKey key = decode(previous);
                readable.putIfAbsent(fingerprint(key), key);
            }
        }
    }

    /** The configured master key (base64): the property, else the file; empty where neither is set. */
    public static Optional<String> configured(IdentityConfig config) {
        Optional<String> inline = config.keys().masterKey().filter(value -> !value.isBlank());
        if (inline.isPresent()) {
            return inline;
        }
        return config.keys().masterKeyFile().filter(file -> !file.isBlank()).map(file -> {
            try {
                return Files.readString(Path.of(file), StandardCharsets.US_ASCII)
                        .trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the master key file " + file, e);
            }
        });
    }

    /** The JWE that holds a private key (as JWK JSON), wrapped with the current master key. */
    public String wrap(String signingKeyId, String privateJwk) {
        SecretKey key = current.orElseThrow(
                () -> new IllegalStateException(
                        "no master key for the signing keys: set AMTSWEG_IDENTITY_MASTER_KEY or amtsweg.identity.keys.master-key-file"));
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.A256KW, EncryptionMethod.A256GCM)
                .keyID(fingerprint(key))
                .contentType("jwk+json")
                .customParam(SIGNING_KEY_ID, signingKeyId)
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(privateJwk));
        try {
            jwe.encrypt(new AESEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the signing key could not be wrapped", e);
        }
        return jwe.serialize();
    }

    /** The private JWK from stored key material: a JWE of this scheme, or (from before it) the plain JWK JSON. */
    public String unwrap(String signingKeyId, String stored) {
        if (isPlain(stored)) {
            return stored;
        }
        try {
            JWEObject jwe = JWEObject.parse(stored);
            SecretKey key = readable.get(jwe.getHeader().getKeyID());
            if (key == null) {
                throw new IllegalStateException("signing key " + signingKeyId
                        + " is wrapped with a master key that is not configured ("
                        + jwe.getHeader().getKeyID() + "); add it to amtsweg.identity.keys.previous-master-keys");
            }
            if (!signingKeyId.equals(jwe.getHeader().getCustomParam(SIGNING_KEY_ID))) {
                throw new IllegalStateException(
                        "the stored material of signing key " + signingKeyId + " belongs to another key");
            }
            jwe.decrypt(new AESDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(
                    "the stored material of signing key " + signingKeyId + " cannot be unwrapped", e);
        }
    }

    /** True when stored material must be (re-)wrapped: plain, or wrapped with an earlier master key. */
    public boolean needsWrapping(String stored) {
        if (current.isEmpty()) {
            return false;
        }
        if (isPlain(stored)) {
            return true;
        }
        try {
            return !fingerprint(current.get())
                    .equals(JWEObject.parse(stored).getHeader().getKeyID());
        } catch (ParseException e) {
            return true;
        }
    }

    private static boolean isPlain(String stored) {
        return stored.stripLeading().startsWith("{");
    }

    private static SecretKey decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a master key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "a master key must be 256 bits (32 bytes, base64), not " + bytes.length * 8);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A short public name of a master key: the start of its SHA-256, so that the JWE says which key wrapped it. */
    static String fingerprint(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
