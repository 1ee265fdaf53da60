package app.roundtable.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.roundtable.domain.Session;
import app.roundtable.store.SessionCodec;
import app.roundtable.testsupport.Sessions;
import org.junit.jupiter.api.Test;

/** A node's own publish is recognised by its bytes and not decoded; another node's is. */
class RecentStatesTest {

  @Test
  void ownPublishArrivingBeforeTheScriptsReplyIsTheWrittenObject() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    byte[] bytes = SessionCodec.encode(mine);
    recent.writing(mine, bytes);

    assertSame(mine, recent.decode(mine.code, bytes.clone()));
    assertSame(mine, recent.get(mine.code), "and it is now the newest known state");
  }

  @Test
  void anotherNodesStateOfTheSameVersionIsDecoded() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    recent.writing(mine, SessionCodec.encode(mine));

    Session theirs = mine.copy();
    theirs.title = "written elsewhere first";
    Session got = recent.decode(mine.code, SessionCodec.encode(theirs));
    assertNotSame(mine, got);
    assertEquals("written elsewhere first", got.title);
  }

  @Test
  void afterTheWriteIsOverItsBytesAreNoLongerExpected() {
    RecentStates recent = new RecentStates();
    Session mine = Sessions.full();
    byte[] bytes = SessionCodec.encode(mine);
    recent.writing(mine, bytes);
    recent.written(mine); // lost: the script said another node wrote first

    assertNotSame(mine, recent.decode(mine.code, bytes));
  }
}
