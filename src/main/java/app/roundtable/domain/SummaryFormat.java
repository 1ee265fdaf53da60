package app.roundtable.domain;

/** How the session's record is asked for: the JSON object or the Markdown text. */
public enum SummaryFormat { JSON, MARKDOWN }
