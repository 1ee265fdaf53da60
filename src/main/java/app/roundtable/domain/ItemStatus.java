package app.roundtable.domain;

public enum ItemStatus { PENDING, ACTIVE, DONE }
