package org.amtsweg.identity.staff;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.amtsweg.identity.IdentityConfig;
import org.amtsweg.identity.ResourceFiles;
import org.jboss.logging.Logger;

/**
 * Seeds the demo authorities' staff (Hagen, Dortmund, catalogue administration) from a file where
 * they are missing. Only where demo staff is enabled; an existing account is never overwritten.
 */
@ApplicationScoped
public class DemoStaffSeeder {

    private static final Logger LOG = Logger.getLogger(DemoStaffSeeder.class);

    /** One entry of the demo staff file. */
    record DemoAccount(String username, String password, String displayName, String authority, List<String> roles) {}

    private final IdentityConfig config;
    private final ObjectMapper mapper;
    private final Pool pool;

    public DemoStaffSeeder(IdentityConfig config, ObjectMapper mapper, Pool pool) {
        this.config = config;
        this.mapper = mapper;
        this.pool = pool;
    }

    void seed(@Observes StartupEvent event) throws Throwable {
        if (!config.demoStaff().enabled()) {
            return;
        }
        List<DemoAccount> accounts;
        try (InputStream in = ResourceFiles.open(config.demoStaff().file())) {
            accounts = mapper.readValue(in, new TypeReference<>() {});
        }
        // Hash off the event loop: bcrypt is deliberately slow.
        List<StaffAccount> hashed =
                accounts.stream().map(DemoStaffSeeder::toEntity).toList();
        Integer created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Multi.createFrom()
                .iterable(hashed)
                .onItem()
                .transformToUniAndConcatenate(account -> StaffAccount.findByUsername(account.username)
                        .chain(existing -> existing != null
                                ? Uni.createFrom().item(0)
                                : account.persist().replaceWith(1)))
                .collect()
                .with(Collectors.summingInt(Integer::intValue))));
        // Their groups ("stadt-hagen/clerk", ...), as SCIM shows them (scim.StaffGroups).
        VertxContextSupport.subscribeAndAwait(
                () -> pool.query(StaffGroupsSql.ENSURE_FOR_ACCOUNTS).execute());
        LOG.infof("demo staff ready (%d of %d accounts created)", created, accounts.size());
    }

    private static StaffAccount toEntity(DemoAccount demo) {
        StaffAccount account = new StaffAccount();
        account.username = demo.username();
        account.displayName = demo.displayName();
        account.passwordHash = BcryptUtil.bcryptHash(demo.password());
        account.authority = demo.authority();
        account.roles = String.join(",", demo.roles());
        account.createdAt = Instant.now();
        return account;
    }
}
