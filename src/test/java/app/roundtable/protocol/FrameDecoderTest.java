package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Command;
import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.ItemKind;
import app.roundtable.domain.SummaryFormat;
import app.roundtable.domain.Limits;
import app.roundtable.domain.QueuePolicy;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Golden frames in, typed commands out; every refusal carries the contract's code. */
class FrameDecoderTest {
  private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULTS);

  private Command command(String json) {
    Inbound in = decoder.decode(json);
    Inbound.Do d = assertInstanceOf(Inbound.Do.class, in, () -> "not a command: " + in);
    return d.command();
  }

  private Reason refusal(String json) {
    Inbound in = decoder.decode(json);
    return assertInstanceOf(Inbound.Rejection.class, in, () -> "accepted: " + in).refusal().reason();
  }

  @Test
  void everyCommandOfTheContractDecodes() {
    Map<String, Command> golden = Map.ofEntries(
        Map.entry("{\"type\":\"leave\"}", new Command.Leave()),
        Map.entry("{\"type\":\"rename\",\"name\":\"  Ana   Lopez \"}", new Command.Rename("Ana Lopez")),
        Map.entry("{\"type\":\"raiseHand\"}", new Command.RaiseHand()),
        Map.entry("{\"type\":\"lowerHand\"}", new Command.LowerHand()),
        Map.entry("{\"type\":\"doneSpeaking\"}", new Command.DoneSpeaking()),
        Map.entry("{\"type\":\"postIdea\",\"text\":\"Ask first\"}", new Command.PostIdea("Ask first")),
        Map.entry("{\"type\":\"editIdea\",\"ideaId\":\"i1\",\"text\":\"t\"}", new Command.EditIdea("i1", "t")),
        Map.entry("{\"type\":\"deleteIdea\",\"ideaId\":\"i1\"}", new Command.DeleteIdea("i1")),
        Map.entry("{\"type\":\"vote\",\"ideaId\":\"i1\"}", new Command.Vote("i1")),
        Map.entry("{\"type\":\"unvote\",\"ideaId\":\"i1\"}", new Command.Unvote("i1")),
        Map.entry("{\"type\":\"addCommitment\",\"text\":\"c\"}", new Command.AddCommitment("c")),
        Map.entry("{\"type\":\"editCommitment\",\"commitmentId\":\"c1\",\"text\":\"c\"}", new Command.EditCommitment("c1", "c")),
        Map.entry("{\"type\":\"removeCommitment\",\"commitmentId\":\"c1\"}", new Command.RemoveCommitment("c1")),
        Map.entry("{\"type\":\"setCommitmentStatus\",\"commitmentId\":\"c1\",\"status\":\"tried\",\"note\":\"n\"}",
            new Command.SetCommitmentStatus("c1", CommitmentStatus.TRIED, "n")),
        Map.entry("{\"type\":\"setCommitmentStatus\",\"commitmentId\":\"c1\",\"status\":\"done\"}",
            new Command.SetCommitmentStatus("c1", CommitmentStatus.DONE, null)),
        Map.entry("{\"type\":\"nextSpeaker\"}", new Command.NextSpeaker()),
        Map.entry("{\"type\":\"startRound\"}", new Command.StartRound()),
        Map.entry("{\"type\":\"setQueuePolicy\",\"policy\":\"fifo\"}", new Command.SetQueuePolicy(QueuePolicy.FIFO)),
        Map.entry("{\"type\":\"setTurnLimit\",\"seconds\":120}", new Command.SetTurnLimit(120)),
        Map.entry("{\"type\":\"startTimer\",\"seconds\":300}", new Command.StartTimer(300)),
        Map.entry("{\"type\":\"pauseTimer\"}", new Command.PauseTimer()),
        Map.entry("{\"type\":\"resumeTimer\"}", new Command.ResumeTimer()),
        Map.entry("{\"type\":\"addTime\",\"seconds\":60}", new Command.AddTime(60)),
        Map.entry("{\"type\":\"resetTimer\"}", new Command.ResetTimer()),
        Map.entry("{\"type\":\"addAgendaItem\",\"title\":\"Break\",\"minutes\":10,\"kind\":\"break\",\"position\":2}",
            new Command.AddAgendaItem("Break", 10, ItemKind.BREAK, 2)),
        Map.entry("{\"type\":\"addAgendaItem\",\"title\":\"Talk\",\"minutes\":10}", new Command.AddAgendaItem("Talk", 10, null, null)),
        Map.entry("{\"type\":\"updateAgendaItem\",\"itemId\":\"a\",\"minutes\":7}", new Command.UpdateAgendaItem("a", null, 7, null)),
        Map.entry("{\"type\":\"addAgendaItem\",\"title\":\"Check-in\",\"minutes\":10,\"kind\":\"round\",\"prompt\":\" How are you? \"}",
            new Command.AddAgendaItem("Check-in", 10, ItemKind.ROUND, null, "How are you?")),
        Map.entry("{\"type\":\"updateAgendaItem\",\"itemId\":\"a\",\"prompt\":\"\"}", new Command.UpdateAgendaItem("a", null, null, null, "")),
        Map.entry("{\"type\":\"removeAgendaItem\",\"itemId\":\"a\"}", new Command.RemoveAgendaItem("a")),
        Map.entry("{\"type\":\"moveAgendaItem\",\"itemId\":\"a\",\"position\":0}", new Command.MoveAgendaItem("a", 0)),
        Map.entry("{\"type\":\"startAgendaItem\",\"itemId\":\"a\"}", new Command.StartAgendaItem("a")),
        Map.entry("{\"type\":\"nextAgendaItem\"}", new Command.NextAgendaItem()),
        Map.entry("{\"type\":\"setBoardPhase\",\"phase\":\"voting\"}", new Command.SetBoardPhase(BoardPhase.VOTING)),
        Map.entry("{\"type\":\"clearBoard\"}", new Command.ClearBoard()),
        Map.entry("{\"type\":\"setBoardPrompt\",\"prompt\":\"\"}", new Command.SetBoardPrompt("")),
        Map.entry("{\"type\":\"setVotesPerMember\",\"votes\":3}", new Command.SetVotesPerMember(3)),
        Map.entry("{\"type\":\"groupIdea\",\"ideaId\":\"i\",\"group\":\" Trust \"}", new Command.GroupIdea("i", "Trust")),
        Map.entry("{\"type\":\"groupIdea\",\"ideaId\":\"i\",\"group\":\"\"}", new Command.GroupIdea("i", null)),
        Map.entry("{\"type\":\"setGroundRules\",\"rules\":[\"Listen\",\" Be kind \"]}", new Command.SetGroundRules(List.of("Listen", "Be kind"))),
        Map.entry("{\"type\":\"handOff\",\"memberId\":\"m\"}", new Command.HandOff("m")),
        Map.entry("{\"type\":\"removeMember\",\"memberId\":\"m\"}", new Command.RemoveMember("m")),
        Map.entry("{\"type\":\"removeDisplay\",\"displayId\":\"d\"}", new Command.RemoveDisplay("d")),
        Map.entry("{\"type\":\"lockRoom\",\"locked\":true}", new Command.LockRoom(true)),
        Map.entry("{\"type\":\"endSession\",\"unknownField\":1}", new Command.EndSession()),
        // v1.1: hybrid rooms, moderation, fairness
        Map.entry("{\"type\":\"addRoomMember\",\"name\":\" Rosa  Diaz \"}", new Command.AddRoomMember("Rosa Diaz")),
        Map.entry("{\"type\":\"raiseHand\",\"memberId\":\"m\"}", new Command.RaiseHand("m")),
        Map.entry("{\"type\":\"lowerHand\",\"memberId\":\"m\"}", new Command.LowerHand("m")),
        Map.entry("{\"type\":\"doneSpeaking\",\"memberId\":\"m\"}", new Command.DoneSpeaking("m")),
        Map.entry("{\"type\":\"addCommitment\",\"text\":\"c\",\"memberId\":\"m\"}", new Command.AddCommitment("c", "m")),
        Map.entry("{\"type\":\"endTurn\"}", new Command.EndTurn()),
        // v1.2 (issue 22): the speaker the facilitator saw when they tapped
        Map.entry("{\"type\":\"endTurn\",\"speakerId\":\"m\"}", new Command.EndTurn("m")),
        Map.entry("{\"type\":\"nextSpeaker\",\"speakerId\":\"m\"}", new Command.NextSpeaker("m")),
        Map.entry("{\"type\":\"setFairnessVisible\",\"visible\":false}", new Command.SetFairnessVisible(false)),
        Map.entry("{\"type\":\"setFairnessVisible\",\"visible\":true}", new Command.SetFairnessVisible(true)),
        // v1.2: requests answered to the asker alone, and the schedule
        Map.entry("{\"type\":\"getSummary\"}", new Command.GetSummary(null)),
        Map.entry("{\"type\":\"getSummary\",\"format\":\"markdown\"}", new Command.GetSummary(SummaryFormat.MARKDOWN)),
        Map.entry("{\"type\":\"createFollowUp\"}", new Command.CreateFollowUp(null, null, null)),
        Map.entry("{\"type\":\"createFollowUp\",\"title\":\" Round two \",\"at\":1767283200000,\"minutes\":90}",
            new Command.CreateFollowUp("Round two", 1_767_283_200_000L, 90)),
        Map.entry("{\"type\":\"setSchedule\",\"at\":1767283200000,\"minutes\":60}", new Command.SetSchedule(1_767_283_200_000L, 60)),
        // v1.2: the practice log
        Map.entry("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c1\",\"text\":\" Tried it\\nTuesday \",\"shared\":true}",
            new Command.AddPracticeNote("c1", "Tried it\nTuesday", true)),
        Map.entry("{\"type\":\"editPracticeNote\",\"noteId\":\"n1\",\"text\":\"t\"}", new Command.EditPracticeNote("n1", "t", null)),
        Map.entry("{\"type\":\"editPracticeNote\",\"noteId\":\"n1\",\"shared\":false}", new Command.EditPracticeNote("n1", null, false)),
        Map.entry("{\"type\":\"removePracticeNote\",\"noteId\":\"n1\"}", new Command.RemovePracticeNote("n1")),
        Map.entry("{\"type\":\"deleteSession\"}", new Command.DeleteSession()));
    Set<String> seen = new TreeSet<>();
    golden.forEach((json, expected) -> {
      assertEquals(expected, command(json), json);
      seen.add(((Inbound.Do) decoder.decode(json)).type());
    });
    Set<String> all = new TreeSet<>(decoder.types());
    all.removeAll(Set.of("join", "ping", "sync"));
    assertEquals(all, seen, "every command type has a golden frame");
  }

  @Test
  void joinsPingAndSync() {
    assertEquals(new Inbound.Join("j", "abc", "Ana", null, null, false),
        decoder.decode("{\"type\":\"join\",\"id\":\"j\",\"code\":\"abc\",\"name\":\"Ana\"}"));
    assertEquals(new Inbound.Join(null, "abc", "Ana", null, "k", false),
        decoder.decode("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"Ana\",\"key\":\"k\"}"));
    String identity = "AbCdEfGhIjKlMnOpQrStUv";
    assertEquals(new Inbound.Join(null, "abc", "Ana", null, null, false, identity),
        decoder.decode("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"Ana\",\"identity\":\"" + identity + "\"}"));
    assertEquals(new Inbound.Join(null, "abc", null, "t", null, false),
        decoder.decode("{\"type\":\"join\",\"code\":\"abc\",\"resume\":\"t\"}"));
    assertEquals(new Inbound.Join(null, "abc", null, null, null, true),
        decoder.decode("{\"type\":\"join\",\"code\":\"abc\",\"role\":\"display\"}"));
    assertEquals(new Inbound.Ping(null, 42), decoder.decode("{\"type\":\"ping\",\"t\":42}"));
    assertEquals(new Inbound.Sync("s"), decoder.decode("{\"type\":\"sync\",\"id\":\"s\"}"));
  }

  @Test
  void badFramesAreRefusedWithTheContractsCodes() {
    assertEquals(Reason.BAD_REQUEST, refusal("not json"));
    assertEquals(Reason.BAD_REQUEST, refusal("[1,2]"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"fly\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"id\":\"x\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"startTimer\",\"seconds\":\"60\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"startTimer\",\"seconds\":1.5}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"postIdea\",\"text\":42}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"postIdea\",\"text\":\"   \"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"postIdea\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"setBoardPhase\",\"phase\":\"dancing\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"rename\",\"name\":\"a\\u0000b\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"join\",\"code\":\"abc\",\"role\":\"admin\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"A\",\"identity\":\"short\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"A\",\"identity\":\"" + "x y".repeat(8) + "\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"A\",\"identity\":42}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"A\",\"identity\":\"" + "x".repeat(129) + "\"}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"postIdea\",\"text\":\"" + "x".repeat(281) + "\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addAgendaItem\",\"title\":\"t\",\"minutes\":5,\"prompt\":7}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"updateAgendaItem\",\"itemId\":\"a\",\"prompt\":\"a\\u0007b\"}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"updateAgendaItem\",\"itemId\":\"a\",\"prompt\":\"" + "x".repeat(281) + "\"}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"rename\",\"name\":\"" + "é".repeat(41) + "\"}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"setGroundRules\",\"rules\":" + "[\"r\"" + ",\"r\"".repeat(12) + "]}"));
    // v1.1 commands' malformed fields
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addRoomMember\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addRoomMember\",\"name\":5}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addRoomMember\",\"name\":\"   \"}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"addRoomMember\",\"name\":\"" + "r".repeat(41) + "\"}"));
    for (String type : List.of("raiseHand", "lowerHand", "doneSpeaking")) {
      assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"" + type + "\",\"memberId\":5}"), type);
      assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"" + type + "\",\"memberId\":\"\"}"), type);
      assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"" + type + "\",\"memberId\":\"" + "m".repeat(65) + "\"}"), type);
    }
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addCommitment\",\"text\":\"c\",\"memberId\":[]}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addCommitment\",\"memberId\":\"m\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"setFairnessVisible\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"setFairnessVisible\",\"visible\":\"false\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"setFairnessVisible\",\"visible\":0}"));
    // v1.2: practice notes are longer than other texts, and never blank
    String note = "x".repeat(1000);
    assertEquals(new Command.AddPracticeNote("c", note, false),
        command("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c\",\"text\":\"" + note + "\",\"shared\":false}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c\",\"text\":\"" + note + "x\",\"shared\":false}"));
    assertEquals(Reason.LIMIT_EXCEEDED, refusal("{\"type\":\"editPracticeNote\",\"noteId\":\"n\",\"text\":\"" + note + "x\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c\",\"text\":\"t\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c\",\"text\":\"t\",\"shared\":\"yes\"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addPracticeNote\",\"commitmentId\":\"c\",\"text\":\"  \",\"shared\":true}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"addPracticeNote\",\"text\":\"t\",\"shared\":true}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"editPracticeNote\",\"noteId\":\"n\",\"text\":\" \"}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"editPracticeNote\",\"noteId\":\"n\",\"shared\":1}"));
    assertEquals(Reason.BAD_REQUEST, refusal("{\"type\":\"removePracticeNote\"}"));
    assertEquals(new Command.RaiseHand(null), command("{\"type\":\"raiseHand\",\"memberId\":null}"));
    // The id survives a refusal so the client can match it.
    assertEquals("x", decoder.decode("{\"type\":\"fly\",\"id\":\"x\"}").id());
    assertNull(decoder.decode("nope").id());
    assertTrue(decoder.decode("{\"type\":\"postIdea\",\"text\":\"" + "😀".repeat(280) + "\"}") instanceof Inbound.Do,
        "lengths count code points, not UTF-16 units");
  }
}
