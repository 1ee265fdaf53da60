package app.roundtable.domain;

/** The agenda a new session starts with (PROTOCOL.md "Templates"). */
public enum Template { FIRST, FOLLOW_UP, BLANK }
