package app.roundtable.domain;

public enum CommitmentStatus { PLANNED, TRIED, DONE }
