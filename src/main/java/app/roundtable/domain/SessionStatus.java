package app.roundtable.domain;

public enum SessionStatus { OPEN, ENDED }
