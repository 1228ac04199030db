package org.amtsweg.identity.keys;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A token signing key as stored in the gateway's database, so that every instance signs with the
 * same keys and a restart does not invalidate the tokens in circulation.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey extends PanacheEntityBase {

    /** The JWK key id ({@code kid}). */
    @Id
    public String kid;

    /** JWS algorithm, e.g. {@code ES256}. */
    @Column(nullable = false)
    public String algorithm;

    /**
     * The private key, wrapped with the master key ({@link MasterKeys}: a JWE around the JWK). Rows from
     * before the wrapping hold the plain JWK until the next start wraps them.
     */
    @Column(name = "key_material", nullable = false)
    public String keyMaterial;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** From this moment it signs; before, it is only published, so that resource servers know it in time. */
    @Column(name = "activates_at", nullable = false)
    public Instant activatesAt;

    /** From this moment it is no longer published: every token it signed has expired by then. */
    @Column(name = "retires_at")
    public Instant retiresAt;
}
