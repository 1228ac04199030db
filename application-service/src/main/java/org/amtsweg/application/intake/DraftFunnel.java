package org.amtsweg.application.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The funnel table's writes (owner of {@code draft_funnel}), each in the transaction of the change it records,
 * so that the funnel report agrees with the drafts and submissions. The submission and the expiry write their
 * part inside their own single statements ({@link #SUBMITTED}, {@link #ABANDONED}).
 */
@ApplicationScoped
public class DraftFunnel {

    /** A common table expression for the submission statement: {@code submitted} yields the id; {@code at} is the time, {@code lastStep}/{@code lastStepTitle} the last step. */
    static final String SUBMITTED = """
            funnel AS (
                UPDATE draft_funnel SET submitted_at = #{at}, last_active_at = #{at},
                    furthest_step = greatest(furthest_step, #{lastStep}),
                    furthest_step_title = CASE WHEN #{lastStep} >= furthest_step THEN #{lastStepTitle} ELSE furthest_step_title END
                FROM submitted WHERE application_id = submitted.id)""";

    /** A common table expression for the expiry statement: {@code expired} yields the deleted drafts' ids. */
    static final String ABANDONED = """
            funnel AS (
                UPDATE draft_funnel SET abandoned_at = now() FROM expired WHERE application_id = expired.id)""";

    Uni<Void> started(SqlConnection connection, UUID id, String authority, String service) {
        return connection
                .preparedQuery("""
                        INSERT INTO draft_funnel (application_id, authority_id, service_key, started_at, last_active_at)
                        VALUES ($1, $2, $3, now(), now())""")
                .execute(Tuple.of(id, authority, service))
                .replaceWithVoid();
    }

    Uni<Void> saved(SqlConnection connection, UUID id, FormSteps.Step furthest) {
        return connection
                .preparedQuery("""
                        UPDATE draft_funnel SET saves = saves + 1, last_active_at = now(), furthest_step = greatest(furthest_step, $2),
                            furthest_step_title = CASE WHEN $2 >= furthest_step THEN $3 ELSE furthest_step_title END
                        WHERE application_id = $1""")
                .execute(Tuple.of(id, furthest.number(), furthest.title()))
                .replaceWithVoid();
    }
}
