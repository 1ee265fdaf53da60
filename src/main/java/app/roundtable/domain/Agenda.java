package app.roundtable.domain;

import java.util.ArrayList;
import java.util.List;

public final class Agenda {
  /** The active item's id, or null when no item runs. */
  public String currentId;
  public List<AgendaItem> items = new ArrayList<>();

  public Agenda copy() {
    Agenda a = new Agenda();
    a.currentId = currentId;
    for (AgendaItem i : items) a.items.add(i.copy());
    return a;
  }

  public AgendaItem item(String id) {
    for (AgendaItem i : items) if (i.id.equals(id)) return i;
    return null;
  }

  public int indexOf(String id) {
    for (int k = 0; k < items.size(); k++) if (items.get(k).id.equals(id)) return k;
    return -1;
  }
}
