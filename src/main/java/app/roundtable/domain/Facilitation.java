package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who facilitated the sessions of a series (a first session and its follow-ups), for the rota
 * ({@link Rota}). Earlier sessions are kept by name only: member ids don't carry from one session
 * to the next, and the rota matches people by name.
 */
public final class Facilitation {
  /** The series' earlier sessions, oldest first; carried by each follow-up. */
  public List<Earlier> earlier = new ArrayList<>();
  /** Members who facilitated this session, in the order they first held the role once it was under way. */
  public List<String> memberIds = new ArrayList<>();

  public Facilitation copy() {
    Facilitation f = new Facilitation();
    for (Earlier e : earlier) f.earlier.add(e.copy());
    f.memberIds = new ArrayList<>(memberIds);
    return f;
  }

  /** One earlier session of the series: its title and who facilitated it. */
  public static final class Earlier {
    public String title;
    public List<String> facilitators = new ArrayList<>();

    public Earlier() {}

    public Earlier(String title, List<String> facilitators) {
      this.title = title;
      this.facilitators = new ArrayList<>(facilitators);
    }

    Earlier copy() {
      return new Earlier(title, facilitators);
    }
  }
}
