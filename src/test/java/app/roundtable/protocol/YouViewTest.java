package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command.*;
import app.roundtable.domain.Session;
import app.roundtable.domain.Sessions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A member's private view follows their ideas and votes to fresh ids, and lists their earlier commitments. */
class YouViewTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode you(Session s, String member) throws Exception {
    return JSON.readTree(YouView.json(s, member));
  }

  @Test
  void ownIdeasAndVotesFollowTheFreshIdsOfAReveal() throws Exception {
    Drive d = new Drive()
        .ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok(null, new Join("member-0", "Ana", null, "r", "n"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.WRITING))
        .ok("member-0", new PostIdea("ask first"))
        .ok("fac-0", new SetBoardPhase(BoardPhase.VOTING));
    d.ok("member-0", new Vote(d.idOf("ask first")));
    String before = d.idOf("ask first");
    d.ok("fac-0", new SetBoardPhase(BoardPhase.REVEALED));
    String after = d.idOf("ask first");
    JsonNode you = you(d.session, "member-0");
    assertEquals(after, you.get("myIdeas").get(0).get("id").asText());
    assertEquals(1, you.get("myVotes").get(after).asInt());
    assertEquals(false, you.get("myVotes").has(before));
  }

  @Test
  void myPreviousListsOnlyTheCommitmentsThisPersonMadeLastTime() throws Exception {
    Drive first = new Drive()
        .ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok(null, new Join("member-0", "Ana", null, "r", "n", "hash-ana"))
        .ok(null, new Join("member-1", "Ben", null, "r", "n", "hash-ben"))
        .ok("member-0", new AddCommitment("ask first"))
        .ok("member-1", new AddCommitment("delegate"));
    Drive next = new Drive();
    next.session = Sessions.followUp(first.session, "code2", null, "key", first.now, new Random(2));
    next.ok(null, new Join("member-5", "Ana again", null, "r", "n", "hash-ana"))
        .ok(null, new Join("member-6", "Ben", null, "r", "n"));
    String anas = next.session.previous.commitments.get(0).id;
    JsonNode ana = you(next.session, "member-5");
    assertEquals(List.of(anas), JSON.convertValue(ana.get("myPrevious"), List.class));
    assertEquals(0, you(next.session, "member-6").get("myPrevious").size(), "a name alone claims nothing");
    assertEquals(0, you(first.session, "member-0").get("myPrevious").size(), "no previous session, nothing");
  }

  @Test
  void theFacilitatorSeesWhatTheyEnteredForARoomMemberAndNobodyElseDoes() throws Exception {
    Drive d = new Drive()
        .ok(null, new Join("fac-0", "Fay", "key", "r", "n"))
        .ok(null, new Join("member-0", "Ana", null, "r", "n"))
        .ok("fac-0", new AddRoomMember("Rosa"));
    String rosa = d.session.members.values().stream().filter(m -> m.inRoom).findFirst().orElseThrow().id;
    d.ok("fac-0", new SetBoardPhase(BoardPhase.WRITING)).ok("fac-0", new PostIdea("rosa's note", rosa));
    YouView.Fingerprints before = new YouView.Fingerprints(d.session);
    long facBefore = before.of("fac-0");
    long anaBefore = before.of("member-0");
    d.ok("fac-0", new SetBoardPhase(BoardPhase.VOTING));
    String idea = d.idOf("rosa's note");
    d.ok("fac-0", new Vote(idea, rosa));

    JsonNode room = you(d.session, "fac-0").get("roomMembers");
    assertEquals(1, room.size());
    assertEquals(rosa, room.get(0).get("memberId").asText());
    assertEquals(2, room.get(0).get("votesLeft").asInt());
    assertEquals(1, room.get(0).get("myVotes").get(idea).asInt());
    assertEquals("rosa's note", room.get(0).get("myIdeas").get(0).get("text").asText());
    // The facilitator's own board is theirs alone: Rosa's idea and dot are not in it.
    assertEquals(0, you(d.session, "fac-0").get("myIdeas").size());
    assertEquals(3, you(d.session, "fac-0").get("votesLeft").asInt());
    assertEquals(false, you(d.session, "member-0").has("roomMembers"));
    YouView.Fingerprints after = new YouView.Fingerprints(d.session);
    assertNotEquals(facBefore, after.of("fac-0"), "the facilitator's view moved with Rosa's dot");

    // The role moves: the next facilitator sees Rosa's votes left, none of what Fay entered.
    d.ok("fac-0", new HandOff("member-0"));
    JsonNode ana = you(d.session, "member-0").get("roomMembers").get(0);
    assertEquals(2, ana.get("votesLeft").asInt());
    assertEquals(0, ana.get("myVotes").size());
    assertEquals(0, ana.get("myIdeas").size());
    assertEquals(false, you(d.session, "fac-0").has("roomMembers"));
    assertNotEquals(anaBefore, new YouView.Fingerprints(d.session).of("member-0"));
  }
}
