package org.amtsweg.identity.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An account of an authority's staff: clerk (Sachbearbeiter:in), supervisor or administrator. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** bcrypt hash; the password itself is never stored or logged. Null until an account created over SCIM is activated. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** The authority (Behörde) this person works for, e.g. {@code stadt-hagen}. */
    @Column(nullable = false)
    public String authority;

    /** Comma-separated roles: {@code clerk}, {@code supervisor}, {@code admin}. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** False once deactivated (SCIM {@code active}): no login, no refresh. Written only by the SCIM provider (scim.StaffAccounts). */
    @Column(insertable = false, updatable = false)
    public boolean active = true;

    public List<String> roleList() {
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .toList();
    }

    public static Uni<StaffAccount> findByUsername(String username) {
        return findById(username);
    }
}
