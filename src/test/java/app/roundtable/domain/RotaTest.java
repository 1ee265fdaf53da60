package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.roundtable.domain.Command.*;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Facilitation among equals: the rota across a first session and its follow-ups. */
class RotaTest {

  /** A session of the series with its key holder joined as {@code holder} and the others as members. */
  private static Given session(Session s, String holder, String... others) {
    Given g = Given.empty();
    g.session = s;
    g.ok(null, new Join(id(holder), holder, Given.KEY, "r", "node1"));
    for (String name : others) g.ok(null, new Join(id(name), name, null, "r-" + name, "node1"));
    return g;
  }

  private static String id(String name) {
    return name.toLowerCase();
  }

  private static List<String> history(Given g) {
    return Rota.history(g.session);
  }

  @Test
  void theRotaAcrossAFirstSessionAndTwoFollowUps() throws IOException {
    List<String> record = new ArrayList<>();

    // Session 1: Fay created it and runs it. Nobody has facilitated yet: the name order suggests Ana.
    Given one = session(Sessions.create("c1", "Circle", Template.FIRST, Given.KEY, Given.T0, new Random(1)),
        "Fay", "Ana", "Ben", "Cy");
    assertEquals(List.of("Fay"), history(one), "the holder counts provisionally before the start");
    assertEquals("Ana", Rota.suggested(one.session));
    record.add("session 1 at its start: facilitator Fay, history " + history(one) + ", suggested " + Rota.suggested(one.session));
    one.ok("fay", new NextAgendaItem());
    one.later(90 * 60_000).ok("fay", new EndSession());
    assertEquals(List.of("Fay"), history(one));

    // Session 2: Fay opens it with the new key; the rota suggests Ana, and Fay hands the role over
    // before the first item, so only Ana facilitated it.
    Given two = session(Sessions.followUp(one.session, "c2", null, Given.KEY, one.now, new Random(2)),
        "Fay", "Ana", "Ben", "Cy");
    assertEquals("Ana", Rota.suggested(two.session), "Fay facilitated once, the others never");
    record.add("session 2 at its start: facilitator Fay, history " + history(two) + ", suggested " + Rota.suggested(two.session));
    two.ok("fay", new HandOff("ana"));
    assertNull(Rota.suggested(two.session), "the suggested member holds the role");
    two.ok("ana", new NextAgendaItem());
    two.ok("ana", new EndSession());
    assertEquals(List.of("Fay", "Ana"), history(two));
    record.add("session 2 after the hand-off: facilitator Ana, history " + history(two) + ", suggested " + Rota.suggested(two.session));

    // Session 3: Ana opens it (typing her name in lower case: names match as people type them).
    Given three = session(Sessions.followUp(two.session, "c3", null, Given.KEY, two.now, new Random(3)),
        "ana", "Fay", "Ben", "Cy");
    assertEquals("Ben", Rota.suggested(three.session), "Fay and Ana once each, Ben and Cy never; Ben by name");
    record.add("session 3 at its start: facilitator ana, history " + history(three) + ", suggested " + Rota.suggested(three.session));
    three.ok("ana", new HandOff("ben"));
    three.ok("ben", new NextAgendaItem());
    assertNull(Rota.suggested(three.session));
    assertEquals(List.of("Fay", "Ana", "Ben"), history(three));
    record.add("session 3 after the hand-off: facilitator Ben, history " + history(three) + ", suggested " + Rota.suggested(three.session));

    assertEquals(List.of("Circle", "Circle — follow-up", "Circle — follow-up — follow-up"),
        Rota.sessions(three.session).stream().map(e -> e.title).toList());
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "rota-series.txt"), record);
    record.forEach(line -> System.out.println("rota: " + line));
  }

  @Test
  void aHandOffOnceTheSessionIsUnderWayCountsBoth() {
    Given g = session(Sessions.create("c", "T", Template.FIRST, Given.KEY, Given.T0, new Random(1)), "Fay", "Ana");
    g.ok("fay", new NextAgendaItem());
    g.ok("fay", new HandOff("ana"));
    g.ok("ana", new HandOff("fay"));
    assertEquals(List.of("Fay", "Ana"), history(g), "once each, in the order they first held the role");
    g.ok("ana", new Rename("Anabel"));
    assertEquals(List.of("Fay", "Anabel"), history(g), "names as they are now");
  }

  @Test
  void onlyMembersPresentWithADeviceAreSuggested() {
    Given g = session(Sessions.create("c", "T", Template.BLANK, Given.KEY, Given.T0, new Random(1)),
        "Zoe", "Ana", "Ben");
    g.ok("zoe", new AddRoomMember("Aaron"));
    g.ok("ana", new Disconnect("node1"));
    assertEquals("Ben", Rota.suggested(g.session), "Aaron has no device, Ana is away");
    g.ok("zoe", new RemoveMember("ben"));
    assertEquals("Zoe", g.session.members.get("zoe").name);
    assertNull(Rota.suggested(g.session), "Zoe, who holds the role, is the only one left to suggest");
    assertEquals(List.of("Zoe"), history(g), "a session never under way: its holder");
  }
}
