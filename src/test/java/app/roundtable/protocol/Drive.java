package app.roundtable.protocol;

import app.roundtable.domain.Action;
import app.roundtable.domain.Command;
import app.roundtable.domain.Context;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Outcome;
import app.roundtable.domain.Rules;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import app.roundtable.domain.Template;
import java.util.Random;

/** Builds a session for view tests through the real rules; every command given must be applied. */
final class Drive {
  Session session;
  final Random random = new Random(5);
  long now = 1_700_000_000_000L;

  Drive() {
    session = Sessions.create("code", "Title", Template.BLANK, "key", now, random);
  }

  Drive ok(String actor, Command c) {
    now += 1000;
    Outcome out = Rules.apply(session, Action.of(actor, c), new Context(now, random, Limits.DEFAULTS));
    if (!(out instanceof Outcome.Applied a)) throw new AssertionError(c + " was not applied: " + out);
    session = a.session();
    return this;
  }

  String idOf(String text) {
    return session.board.ideas.stream().filter(i -> i.text.equals(text)).findFirst().orElseThrow().id;
  }
}
