package app.roundtable.testsupport;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Scripts for the property tests that replay a session: each step a kind (drawn by weight) and two
 * numbers from 0 to 99 that the replay turns into who acts and on what.
 */
public final class Scripts {
  private Scripts() {}

  public static <K, S> Arbitrary<List<S>> of(Arbitrary<K> kinds, Combinators.F3<K, Integer, Integer, S> step,
      int minSteps, int maxSteps) {
    return Combinators.combine(kinds, Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
        .as(step)
        .list()
        .ofMinSize(minSteps)
        .ofMaxSize(maxSteps);
  }
}
