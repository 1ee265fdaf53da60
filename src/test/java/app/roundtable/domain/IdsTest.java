package app.roundtable.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreSixteenCharactersOfLowercaseBase32AndDoNotRepeat() {
    Random random = new Random(5);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Ids.next(random);
      assertEquals(16, id.length());
      assertTrue(id.matches("[a-z2-7]{16}"), id);
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void theSameSeedGivesTheSameIds() {
    assertEquals(Ids.next(new Random(9)), Ids.next(new Random(9)));
  }
}
