package dev.flowconf.conformance.mutation;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A broken host: the conforming behaviour for one golden case with exactly one thing changed.
 *
 * @param name short and unique; it also names the host, so its received transcript file
 * @param violation how it breaks the check, in words
 * @param mutation the one change, applied to the behaviour rebuilt from the approved transcript
 * @param diffShows text the runner's failure must contain, so a mutant only counts as killed for its own
 *     violation (not, say, because the host was unreachable)
 */
record Mutant(String name, CheckKind kind, String caseId, String violation, UnaryOperator<Behaviour> mutation,
    String diffShows) {

  Mutant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(mutation, "mutation");
    Objects.requireNonNull(diffShows, "diffShows");
  }
}
