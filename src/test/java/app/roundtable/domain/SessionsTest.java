package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command.*;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private static List<String> plan(Session s) {
    return s.agenda.items.stream().map(i -> i.title + "/" + i.kind + "/" + i.minutes).toList();
  }

  @Test
  void aFirstSessionHasTheTemplateAgendaAndDefaultGroundRules() {
    Session s = Sessions.create("abc", "Coaching circle", Template.FIRST, "kh", 42L, new Random(1));
    assertEquals("abc", s.code);
    assertEquals("Coaching circle", s.title);
    assertEquals(42L, s.createdAt);
    assertEquals(42L, s.updatedAt);
    assertEquals(1, s.version);
    assertEquals("kh", s.facilitatorKeyHash);
    assertEquals(SessionStatus.OPEN, s.status);
    assertEquals(List.of(
        "What is said here stays here", "Everyone speaks, nobody dominates",
        "Speak from your own experience", "Give feedback with generosity"), s.groundRules);
    assertEquals(List.of(
        "Welcome and ground rules/DISCUSSION/5", "Check-in round/ROUND/10",
        "Share challenges/DISCUSSION/20", "New knowledge/DISCUSSION/15",
        "Idea board: approaches to try/BOARD/20",
        "Commitments: what I will practise/COMMITMENTS/15", "Close/DISCUSSION/5"), plan(s));
    assertEquals(90, s.agenda.items.stream().mapToInt(i -> i.minutes).sum());
    assertEquals(7, new HashSet<>(s.agenda.items.stream().map(i -> i.id).toList()).size());
    assertNull(s.agenda.currentId);
    assertNull(s.previous);
  }

  @Test
  void theFollowUpAndBlankTemplates() {
    Session f = Sessions.create("c", "t", Template.FOLLOW_UP, "kh", 0, new Random(1));
    assertEquals(List.of(
        "Welcome/DISCUSSION/5", "Check-in round/ROUND/10",
        "Reflection: what happened when I practised/ROUND/30",
        "Idea board: lessons learned/BOARD/20", "Next commitments/COMMITMENTS/15",
        "Close/DISCUSSION/10"), plan(f));
    assertEquals(90, f.agenda.items.stream().mapToInt(i -> i.minutes).sum());
    assertEquals(List.of(), Sessions.create("c", "t", Template.BLANK, "kh", 0, new Random(1)).agenda.items);
  }

  @Test
  void everyTemplateItemHasAPromptForTheGroup() {
    for (Template t : List.of(Template.FIRST, Template.FOLLOW_UP)) {
      Session s = Sessions.create("c", "t", t, "kh", 0, new Random(1));
      for (AgendaItem i : s.agenda.items) {
        assertFalse(i.prompt.isBlank(), t + ": " + i.title);
        assertTrue(i.prompt.length() <= Limits.DEFAULTS.maxTextLength(), t + ": " + i.title);
      }
    }
    Session first = Sessions.create("c", "t", Template.FIRST, "kh", 0, new Random(1));
    assertEquals("How are you arriving today?", first.agenda.items.get(1).prompt);
    assertEquals("One real management challenge you face now", first.agenda.items.get(2).prompt);
    assertEquals("What approaches could we try?", first.agenda.items.get(4).prompt);
    assertEquals("What will I practise before we meet again?", first.agenda.items.get(5).prompt);
    Session next = Sessions.create("c", "t", Template.FOLLOW_UP, "kh", 0, new Random(1));
    assertEquals("What happened when I practised my commitment?", next.agenda.items.get(2).prompt);
    assertEquals("What did we learn from practising?", next.agenda.items.get(3).prompt);
    assertEquals("What will I practise before we meet again?", next.agenda.items.get(4).prompt);
  }

  @Test
  void aSessionIsWrittenInItsLanguageAndItsFollowUpsKeepIt() {
    for (Language language : Language.values()) {
      for (Template t : List.of(Template.FIRST, Template.FOLLOW_UP)) {
        Session s = Sessions.create("c", "t", t, language, "kh", 0, new Random(1));
        Session en = Sessions.create("c", "t", t, "kh", 0, new Random(1));
        assertEquals(language, s.language);
        // The same plan in every language: kinds and minutes, a prompt within the limits for each item.
        assertEquals(en.agenda.items.stream().map(i -> i.kind + "/" + i.minutes).toList(),
            s.agenda.items.stream().map(i -> i.kind + "/" + i.minutes).toList());
        for (AgendaItem i : s.agenda.items) {
          assertFalse(i.prompt.isBlank(), language + " " + t + ": " + i.title);
          assertTrue(i.prompt.length() <= Limits.DEFAULTS.maxTextLength() && i.title.length() <= Limits.DEFAULTS.maxTextLength());
        }
        assertEquals(Sessions.defaultGroundRules(language), s.groundRules);
      }
    }
    Session de = Sessions.create("c", "Führung", Template.FIRST, Language.DE, "kh", 0, new Random(1));
    assertEquals("Begrüßung und Gesprächsregeln", de.agenda.items.get(0).title);
    assertEquals("Ankommensrunde", de.agenda.items.get(1).title);
    assertEquals("Wie kommst du heute an?", de.agenda.items.get(1).prompt);
    assertEquals("Was hier gesagt wird, bleibt hier", de.groundRules.get(0));
    Session es = Sessions.create("c", "t", Template.FIRST, Language.ES, "kh", 0, new Random(1));
    assertEquals("¿Qué enfoques podríamos probar?", es.agenda.items.get(4).prompt);
    assertEquals("Lo que se dice aquí, se queda aquí", es.groundRules.get(0));

    Session next = Sessions.followUp(de, "c2", null, "kh2", 1, new Random(2));
    assertEquals(Language.DE, next.language);
    assertEquals("Führung — Folgesitzung", next.title);
    assertEquals("Rückblick: was beim Üben passiert ist", next.agenda.items.get(2).title);
    // A session stored before sessions had a language was English, and so are its follow-ups.
    de.language = null;
    assertEquals(Language.EN, Sessions.followUp(de, "c3", null, "kh3", 1, new Random(2)).language);
  }

  @Test
  void aFollowUpCarriesTheCommitmentsOfMembersStillThere() {
    Given g = Given.session("a", "b");
    g.ok("a", new AddCommitment("walk"));
    g.ok("a", new SetCommitmentStatus(g.session.commitments.get(0).id, CommitmentStatus.TRIED, "once"));
    g.ok("b", new AddCommitment("read"));
    g.ok(Given.FAC, new SetGroundRules(List.of("Our rule")));
    g.ok(Given.FAC, new RemoveMember("b"));
    Session earlier = g.session;
    String before = Snapshot.of(earlier);

    Session next = Sessions.followUp(earlier, "new", null, "kh2", 99L, new Random(2));
    assertEquals(before, Snapshot.of(earlier));
    assertEquals("Title — follow-up", next.title);
    assertEquals("new", next.code);
    assertEquals("kh2", next.facilitatorKeyHash);
    assertEquals(99L, next.createdAt);
    assertEquals(6, next.agenda.items.size());
    assertEquals(List.of("Our rule"), next.groundRules);
    assertEquals("Title", next.previous.title);
    assertEquals(1, next.previous.commitments.size());
    Commitment c = next.previous.commitments.get(0);
    assertEquals("walk", c.text);
    assertEquals("A", c.name);
    assertEquals(CommitmentStatus.TRIED, c.status);
    assertEquals("once", c.note);
    assertNotSame(earlier.commitments.get(0), c);
    assertEquals(List.of(), next.commitments);
    assertEquals(List.of(), List.copyOf(next.members.values()));

    assertEquals("Round two", Sessions.followUp(earlier, "n", "Round two", "k", 0, new Random(3)).title);
  }
}
