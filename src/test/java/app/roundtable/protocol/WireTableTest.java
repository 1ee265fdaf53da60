package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.roundtable.domain.Refusal.Reason;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The wire table spells exactly what PROTOCOL.md names. */
class WireTableTest {

  @Test
  void errorCodesAreTheContractsList() {
    List<String> codes = Arrays.stream(Reason.values()).map(Wire::code).toList();
    assertEquals(List.of("bad_request", "not_joined", "unknown_session", "session_full", "session_ended", "forbidden",
        "not_found", "invalid_phase", "limit_exceeded", "rate_limited", "unavailable", "internal", "room_locked"), codes);
  }

  @Test
  void onlyEndedRemovedDeletedAndDisplayRemovedAreAnnouncedWithAClosedMessage() {
    Set<String> announced = Arrays.stream(CloseReason.values()).filter(r -> r.announced).map(r -> r.text)
        .collect(Collectors.toSet());
    assertEquals(Set.of("ended", "removed", "deleted", "display-removed"), announced);
    assertEquals("{\"type\":\"closed\",\"reason\":\"removed\"}", Frames.closed(CloseReason.REMOVED));
    assertEquals(1009, CloseReason.TOO_BIG.status, "the contract's status for a frame over the limit");
  }

  @Test
  void httpErrorsUseTheStatusesTheContractAllowsAndTheirBodyCarriesTheCode() {
    Set<Integer> allowed = Set.of(400, 401, 403, 404, 409, 413, 415, 429, 500, 503);
    EnumSet<Reason> covered = EnumSet.noneOf(Reason.class);
    for (HttpError e : HttpError.values()) {
      assertTrue(allowed.contains(e.status), e + " has status " + e.status);
      covered.add(e.reason);
    }
    assertEquals(EnumSet.of(Reason.BAD_REQUEST, Reason.LIMIT_EXCEEDED, Reason.FORBIDDEN, Reason.UNKNOWN_SESSION,
        Reason.NOT_FOUND, Reason.INVALID_PHASE, Reason.RATE_LIMITED, Reason.INTERNAL, Reason.UNAVAILABLE), covered);
    assertEquals(HttpError.CONFLICT, HttpError.of(Reason.INVALID_PHASE), "a second follow-up is 409");
    assertEquals("{\"error\":\"forbidden\",\"message\":\"No key.\"}", HttpError.NO_CREDENTIALS.body("No key."));
  }
}
