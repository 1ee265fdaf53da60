package app.roundtable.domain;

/** What an agenda item is for; clients use it to offer the right controls (a round, the board...). */
public enum ItemKind { DISCUSSION, ROUND, BOARD, COMMITMENTS, BREAK }
