package org.amtsweg.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.OperatorConfigs;
import org.junit.jupiter.api.Test;

/** Envelope encryption of the signing keys, and the rotation of the master key, without the service. */
class MasterKeysTest {

    private static final String JWK = "{\"kty\":\"EC\",\"d\":\"secret\",\"crv\":\"P-256\"}";

    @Test
    void aWrappedKeyHoldsNothingReadableAndUnwrapsToTheSameJwk() {
        MasterKeys keys = new MasterKeys(config(Map.of("amtsweg.identity.keys.master-key", newKey())));
        String wrapped = keys.wrap("kid-1", JWK);
        assertThat(wrapped)
                .doesNotContain("secret")
                .doesNotContain("\"d\"")
                .hasSize(wrapped.length())
                .contains(".");
        assertThat(keys.unwrap("kid-1", wrapped)).isEqualTo(JWK);
        assertThat(keys.needsWrapping(wrapped)).isFalse();
        assertThat(keys.needsWrapping(JWK))
                .as("a plain row from before the wrapping")
                .isTrue();
        assertThat(keys.unwrap("kid-1", JWK)).isEqualTo(JWK);
    }

    @Test
    void aRowCannotStandInForAnotherKey() {
        MasterKeys keys = new MasterKeys(config(Map.of("amtsweg.identity.keys.master-key", newKey())));
        String wrapped = keys.wrap("kid-1", JWK);
        assertThatThrownBy(() -> keys.unwrap("kid-2", wrapped)).hasMessageContaining("belongs to another key");
    }

    @Test
    void aRotatedMasterKeyReadsWithThePreviousOneAndAsksForRewrapping() {
        String old = newKey();
        String wrappedWithOld =
                new MasterKeys(config(Map.of("amtsweg.identity.keys.master-key", old))).wrap("kid-1", JWK);

        MasterKeys rotated = new MasterKeys(config(Map.of(
                "amtsweg.identity.keys.master-key", newKey(), "amtsweg.identity.keys.previous-master-keys", old)));
        assertThat(rotated.needsWrapping(wrappedWithOld)).isTrue();
        assertThat(rotated.unwrap("kid-1", wrappedWithOld)).isEqualTo(JWK);
        String rewrapped = rotated.wrap("kid-1", rotated.unwrap("kid-1", wrappedWithOld));
        assertThat(rotated.needsWrapping(rewrapped)).isFalse();

        MasterKeys withoutPrevious = new MasterKeys(config(Map.of("amtsweg.identity.keys.master-key", newKey())));
        assertThatThrownBy(() -> withoutPrevious.unwrap("kid-1", wrappedWithOld))
                .hasMessageContaining("previous-master-keys");
    }

    @Test
    void theMasterKeyMayComeFromAFile() throws Exception {
        String key = newKey();
        Path file = Files.createTempFile("master", ".key");
        Files.writeString(file, key + "\n");
        IdentityConfig fromFile = config(Map.of("amtsweg.identity.keys.master-key-file", file.toString()));
        assertThat(MasterKeys.configured(fromFile)).contains(key);
        String wrapped = new MasterKeys(fromFile).wrap("kid-1", JWK);
        assertThat(new MasterKeys(config(Map.of("amtsweg.identity.keys.master-key", key))).unwrap("kid-1", wrapped))
                .isEqualTo(JWK);
    }

    @Test
    void withoutAMasterKeyNothingIsWrappedAndAShortKeyIsRefused() {
        MasterKeys none = new MasterKeys(config(Map.of()));
        assertThatThrownBy(() -> none.wrap("kid-1", JWK)).hasMessageContaining("AMTSWEG_IDENTITY_MASTER_KEY");
        assertThatThrownBy(() -> new MasterKeys(config(Map.of(
                        "amtsweg.identity.keys.master-key", Base64.getEncoder().encodeToString(new byte[16])))))
                .hasMessageContaining("256 bits");
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static IdentityConfig config(Map<String, String> properties) {
        return OperatorConfigs.of(properties);
    }
}
