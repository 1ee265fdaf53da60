package app.roundtable.domain;

/** EQUAL: fewest turns, then least time spoken, then earliest raise. FIFO: earliest raise. */
public enum QueuePolicy { EQUAL, FIFO }
