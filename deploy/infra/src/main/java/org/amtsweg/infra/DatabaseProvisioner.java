package org.amtsweg.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the services' databases on a PostgreSQL server where they are missing; each service then
 * migrates its own schema with Flyway. Also usable alone against a server named by the environment:
 * {@code DatabaseProvisioner <host> <port> <user> <password> <database>...}.
 */
public final class DatabaseProvisioner {

    private final String url;
    private final String user;
    private final String password;

    public DatabaseProvisioner(String host, int port, String user, String password) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        this.user = user;
        this.password = password;
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 4) {
            System.err.println("usage: DatabaseProvisioner <host> <port> <user> <password> [database...]");
            System.exit(2);
        }
        new DatabaseProvisioner(args[0], Integer.parseInt(args[1]), args[2], args[3])
                .ensure(List.of(args).subList(4, args.length));
    }

    /** Creates each named database that does not exist yet; existing ones and their data stay untouched. */
    public void ensure(List<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (PreparedStatement exists =
                        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet found = exists.executeQuery()) {
                        if (found.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    // Identifiers cannot be bound as parameters; the name was checked above.
                    create.execute("CREATE DATABASE " + database);
                }
                System.out.println("created database " + database);
            }
        }
    }
}
