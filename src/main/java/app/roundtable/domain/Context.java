package app.roundtable.domain;

import java.util.random.RandomGenerator;

/**
 * What a rule may know beyond the state and the command: the time, a source of randomness (shuffles,
 * ids) and the configured limits. Passed in, so that every rule is testable without clocks or sleeps.
 */
public record Context(long now, RandomGenerator random, Limits limits) {}
