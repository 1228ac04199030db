package org.amtsweg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fault suite of deploy/bench/faults.sh (a benchmark, not a test) against a platform that
 * {@code platform.sh} started and supervises: for each scenario a stream of citizens' submissions while one
 * part is killed with SIGKILL and brought back by the supervisor alone (or poison is written onto the topics),
 * then the audit of every accepted application. Prints one table; exits 1 if any scenario did not hold.
 *
 *   FaultsBench identity application case bootstrap jdbc-server data-dir submissions per-second portals scenario[,scenario...]
 *
 * Scenarios: case-service, application-service, broker, postgres, poison. The data directory is the one
 * {@code infra.sh} and {@code services.sh} use ({@code run/*.pid}, {@code postgres/postmaster.pid}).
 */
public final class FaultsBench {

    public static void main(String[] args) throws Exception {
        FaultRun.Target target = new FaultRun.Target(args[0], args[1], args[2], args[3], args[4]);
        Path data = Path.of(args[5]);
        int submissions = Integer.parseInt(args[6]), portals = Integer.parseInt(args[8]);
        double perSecond = Double.parseDouble(args[7]);
        Path run = data.resolve("run");

        List<FaultResult> results = new ArrayList<>();
        for (String scenario : args[9].split(",")) {
            Fault fault = switch (scenario) {
                case "case-service" ->
                    Fault.killService(
                            scenario, run.resolve("case-service.pid"), target.caseService(), Fault.SUPERVISOR);
                case "application-service" ->
                    Fault.killService(
                            scenario, run.resolve("application-service.pid"), target.application(), Fault.SUPERVISOR);
                case "broker" ->
                    Fault.killBroker(
                            run.resolve("kafka.pid"),
                            target.bootstrap(),
                            Fault.SUPERVISOR,
                            target.application(),
                            target.caseService());
                case "postgres" ->
                    Fault.killPostgres(data.resolve("postgres"), target.jdbc() + "postgres", Fault.SUPERVISOR);
                case "poison" -> Fault.poison(target.bootstrap());
                default ->
                    throw new IllegalArgumentException("unknown scenario " + scenario + "; known: "
                            + Arrays.asList("case-service", "application-service", "broker", "postgres", "poison"));
            };
            FaultResult result = FaultRun.run(target, fault, submissions, perSecond, portals);
            System.out.println(result.row());
            results.add(result);
        }
        System.out.printf("%n%s%n", FaultResult.table(results));
        System.exit(results.stream().allMatch(FaultResult::held) ? 0 : 1);
    }
}
