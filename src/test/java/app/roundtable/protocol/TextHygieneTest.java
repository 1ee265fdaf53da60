package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Command;
import app.roundtable.domain.Limits;
import app.roundtable.domain.Refusal.Reason;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Names and texts as everyone reads them: whatever a client sends, what the decoder lets through
 * holds no bidi control, tag or C1 character and no lone surrogate, and is never invisible.
 */
class TextHygieneTest {
  private final FrameDecoder decoder = new FrameDecoder(Limits.DEFAULTS);

  /** Every field that others read, as (frame builder, what the command carries). */
  private final List<Field> fields = List.of(
      new Field(t -> "{\"type\":\"rename\",\"name\":" + t + "}", c -> ((Command.Rename) c).name()),
      new Field(t -> "{\"type\":\"addRoomMember\",\"name\":" + t + "}", c -> ((Command.AddRoomMember) c).name()),
      new Field(t -> "{\"type\":\"postIdea\",\"text\":" + t + "}", c -> ((Command.PostIdea) c).text()),
      new Field(t -> "{\"type\":\"addCommitment\",\"text\":" + t + "}", c -> ((Command.AddCommitment) c).text()),
      new Field(t -> "{\"type\":\"setBoardPrompt\",\"prompt\":" + t + "}", c -> ((Command.SetBoardPrompt) c).prompt()),
      new Field(t -> "{\"type\":\"groupIdea\",\"ideaId\":\"i1\",\"group\":" + t + "}", c -> ((Command.GroupIdea) c).group()),
      new Field(t -> "{\"type\":\"setGroundRules\",\"rules\":[" + t + "]}", c -> ((Command.SetGroundRules) c).rules().get(0)),
      new Field(t -> "{\"type\":\"addAgendaItem\",\"title\":" + t + ",\"minutes\":5}", c -> ((Command.AddAgendaItem) c).title()));

  record Field(Function<String, String> frame, Function<Command, String> carried) {}

  /** Code points a client may mix: letters of three scripts, emoji parts, and every kind this class handles. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<Integer> ordinary = Arbitraries.of((int) 'a', (int) 'Z', (int) ' ', 0xE9, 0xDF, 0x5E9, 0x639, 0x5B57, 0x1F600, 0x1F3F4, 0xFE0F, 0x200D);
    Arbitrary<Integer> stripped = Arbitraries.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        0x200E, 0x200F, 0x061C, 0xE0001, 0xE0067, 0xE007F);
    Arbitrary<Integer> invisible = Arbitraries.of(0x200B, 0x200C, 0x2060, 0xFEFF, 0x3164, 0x00A0, 0x2800, 0x034F, 0x00AD);
    Arbitrary<Integer> refused = Arbitraries.of(0x80, 0x85, 0x9F, 0x7F, 0x01, 0x1B);
    Arbitrary<Integer> halves = Arbitraries.of(0xD800, 0xDBFF, 0xDC00, 0xDFFF); // as lone chars
    Arbitrary<Integer> any = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, ordinary), net.jqwik.api.Tuple.of(3, stripped), net.jqwik.api.Tuple.of(3, invisible),
        net.jqwik.api.Tuple.of(1, refused), net.jqwik.api.Tuple.of(1, halves));
    return any.list().ofMinSize(0).ofMaxSize(30).map(cps -> {
      StringBuilder b = new StringBuilder();
      for (int cp : cps) {
        if (cp >= 0xD800 && cp <= 0xDFFF) b.append((char) cp);
        else b.appendCodePoint(cp);
      }
      return b.toString();
    });
  }

  @Property(tries = 600)
  void whatPassesTheEdgeIsVisibleAndHoldsNothingThatDisguisesIt(@ForAll("hostile") String text) {
    for (Field field : fields) {
      Inbound in = decoder.decode(field.frame().apply(json(text)));
      if (in instanceof Inbound.Rejection r) {
        assertTrue(r.refusal().reason() == Reason.BAD_REQUEST || r.refusal().reason() == Reason.LIMIT_EXCEEDED,
            () -> "refused as " + r.refusal());
        continue;
      }
      String carried = field.carried().apply(assertInstanceOf(Inbound.Do.class, in).command());
      if (carried == null || carried.isEmpty()) {
        // Only where blank is allowed (group: none; prompt: may be empty) may nothing come through.
        assertTrue(field.frame().apply("\"\"").contains("group") || field.frame().apply("\"\"").contains("prompt"),
            () -> "blank carried by " + field.frame().apply("…"));
        continue;
      }
      assertFalse(TextHygiene.invisible(carried), () -> "invisible text passed: " + codes(carried));
      for (int i = 0; i < carried.length(); i++) {
        char c = carried.charAt(i);
        if (Character.isHighSurrogate(c)) {
          assertTrue(i + 1 < carried.length() && Character.isLowSurrogate(carried.charAt(i + 1)), () -> "lone " + codes(carried));
          i++;
        } else {
          assertFalse(Character.isLowSurrogate(c), () -> "lone " + codes(carried));
        }
      }
      carried.codePoints().forEach(cp -> {
        assertFalse(TextHygiene.isStripped(cp), () -> "kept U+" + Integer.toHexString(cp) + " in " + codes(carried));
        assertFalse(TextHygiene.isRefusedControl(cp) && cp != '\n', () -> "kept control in " + codes(carried));
      });
    }
  }

  @Property(tries = 300)
  void aLoneSurrogateIsAlwaysRefused(@ForAll("hostile") String text) {
    String broken = text + (char) 0xD83D; // the first half of an emoji, alone
    for (Field field : fields) {
      Inbound in = decoder.decode(field.frame().apply(json(broken)));
      assertInstanceOf(Inbound.Rejection.class, in, () -> "accepted a lone surrogate: " + codes(broken));
    }
  }

  @Property(tries = 300)
  void cleaningTwiceIsCleaningOnce(@ForAll("hostile") String text) {
    try {
      String once = TextHygiene.clean(text);
      assertEquals(once, TextHygiene.clean(once));
    } catch (TextHygiene.Refused expected) {
      // refused text has no cleaned form
    }
  }

  @Test
  void theReviewersFacilitatorInBoldIsAPlainName() {
    // "‮rotatilicaF …" with an override read as "… Facilitator" on the page.
    Command c = command("{\"type\":\"rename\",\"name\":\"\\u202Erotatilicaf\\u202C Ana\"}");
    assertEquals(new Command.Rename("rotatilicaf Ana"), c);
  }

  @Test
  void zeroWidthOnlyNamesAndIdeasAreBlank() {
    assertRefused("{\"type\":\"rename\",\"name\":\"\\u200B\\u200B\\u2060\"}", Reason.BAD_REQUEST);
    assertRefused("{\"type\":\"postIdea\",\"text\":\"\\uFEFF \\u3164\"}", Reason.BAD_REQUEST);
    assertRefused("{\"type\":\"rename\",\"name\":\"\\u202E\"}", Reason.BAD_REQUEST);
  }

  @Test
  void joinersInsideAnEmojiStayAndTagsGo() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
    assertEquals(new Command.PostIdea(family), command("{\"type\":\"postIdea\",\"text\":" + json(family) + "}"));
    String scotland = "\uD83C\uDFF4" + new StringBuilder().appendCodePoint(0xE0067).appendCodePoint(0xE0062)
        .appendCodePoint(0xE0073).appendCodePoint(0xE0063).appendCodePoint(0xE0074).appendCodePoint(0xE007F);
    assertEquals(new Command.PostIdea("\uD83C\uDFF4"), command("{\"type\":\"postIdea\",\"text\":" + json(scotland) + "}"));
  }

  @Test
  void c1ControlsAreRefusedInNamesAndTexts() {
    assertRefused("{\"type\":\"rename\",\"name\":\"Ana\\u0085\"}", Reason.BAD_REQUEST);
    assertRefused("{\"type\":\"postIdea\",\"text\":\"a\\u009Bb\"}", Reason.BAD_REQUEST);
  }

  @Test
  void aJoinNameIsCleanedToo() {
    Inbound.Join j = assertInstanceOf(Inbound.Join.class,
        decoder.decode("{\"type\":\"join\",\"code\":\"abc\",\"name\":\"\\u2067Ana\\u2069\"}"));
    assertEquals("Ana", j.name());
  }

  private Command command(String frame) {
    return assertInstanceOf(Inbound.Do.class, decoder.decode(frame), frame).command();
  }

  private void assertRefused(String frame, Reason reason) {
    assertEquals(reason, assertInstanceOf(Inbound.Rejection.class, decoder.decode(frame), frame).refusal().reason());
  }

  /** A JSON string with every character escaped: lone surrogates too, as a hostile client can send them. */
  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) b.append(String.format("\\u%04X", (int) s.charAt(i)));
    return b.append('"').toString();
  }

  private static String codes(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(String.format("%04X ", c)));
    return b.toString().trim();
  }
}
