package app.roundtable.domain;

/**
 * What one rule did to the working copy: changed it, found nothing to change, or refused (in which
 * case {@link Rules} throws the copy away, so a rule may refuse after it started changing things).
 */
record Verdict(Refusal refusal, boolean changed) {
  static final Verdict CHANGED = new Verdict(null, true);
  static final Verdict UNCHANGED = new Verdict(null, false);

  static Verdict refuse(Refusal.Reason reason, String message) {
    return new Verdict(Refusal.of(reason, message), false);
  }

  static Verdict changedIf(boolean changed) {
    return changed ? CHANGED : UNCHANGED;
  }

  boolean refused() {
    return refusal != null;
  }
}
