package org.passerelle.audit;

import java.io.PrintStream;
import org.passerelle.audit.AuditChain.Problem;
import org.passerelle.audit.AuditChain.Verification;

/** Prints a verification for a person at a terminal: intact, or where the log first breaks and every problem. */
final class VerificationReport {

    private VerificationReport() {}

    static void print(Verification result, String what, PrintStream out) {
        if (result.intact()) {
            out.printf("%s intact: %d entries, head %s%n", what, result.entries(), result.headHash());
            if (result.checkpointPosition() != null) {
                out.printf("The chain holds the last checkpoint, position %d%n", result.checkpointPosition());
            }
            if (result.anchorPosition() != null) {
                out.printf(
                        "Entries up to position %d were removed at the end of their retention period%n",
                        result.anchorPosition());
            }
            return;
        }
        out.printf("%s BROKEN: %d problems in %d entries%n", what, result.problemCount(), result.entries());
        Problem first = result.problems().getFirst();
        out.printf(
                "First broken at position %s, entry %s: %s%n",
                first.position() == null ? "-" : first.position(),
                first.entryId() == null ? "-" : first.entryId(),
                first.detail());
        result.problems().forEach(problem -> out.printf("  %s: %s%n", problem.kind(), problem.detail()));
    }
}
