package org.amtsweg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amtsweg.bench.Fault;
import org.amtsweg.bench.FaultResult;
import org.amtsweg.bench.FaultRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short scenario of the fault suite (deploy/bench/faults.sh runs them all, with the supervisor): while
 * citizens' portals stream 300 complete submissions, case-service is killed with SIGKILL and started again
 * with services.sh, as platform.sh's supervisor does. Every accepted application then has exactly one case,
 * its register check and the status RECEIVED for the citizen under the number she was given; no number twice;
 * no answer that is a defect; the outboxes empty; nothing dead-lettered.
 */
@ExtendWith(RunningPlatform.class)
class FaultsTest {

    @Test
    void aKilledCaseServiceLosesNothingDuplicatesNothingAndLeavesNothingStuck() throws Exception {
        FaultRun.Target platform = new FaultRun.Target(
                Platform.url(Platform.IDENTITY),
                Platform.url(Platform.APPLICATION),
                Platform.url(Platform.CASE),
                Platform.KAFKA,
                Platform.DATABASE_SERVER);
        Fault killed = Fault.killService(
                "case-service",
                Platform.RUN_DIR.resolve("case-service.pid"),
                Platform.url(Platform.CASE),
                () -> Platform.start("case-service"));

        FaultResult result = FaultRun.run(platform, killed, 300, 50, 12);

        System.out.println(FaultResult.table(List.of(result)));
        assertThat(result.held())
                .as("%s%n%s", result.row(), String.join("\n", result.notes()))
                .isTrue();
    }
}
