package app.roundtable.domain;

import static app.roundtable.domain.ItemKind.BOARD;
import static app.roundtable.domain.ItemKind.COMMITMENTS;
import static app.roundtable.domain.ItemKind.DISCUSSION;
import static app.roundtable.domain.ItemKind.ROUND;

import java.util.List;

/**
 * The agenda a new session starts with (PROTOCOL.md "Templates" and v1.1 "Template prompts"): the
 * peer learning cycle, each item with a prompt that tells the group what the item is for. The board
 * items' prompts become the board's prompt when the item starts.
 */
public enum Template {
  // One line per item: the agenda reads as the table it is (PROTOCOL.md "Templates"). The German
  // and Spanish texts are written for the group in its own language (informal, as the pages
  // are), not word for word: "Ankommensrunde" and "Ronda de llegada" are what such groups say.
  FIRST(List.of(
      item(DISCUSSION, 5,
          t("Welcome and ground rules", "Which of our ground rules matters most to you today?"),
          t("Begrüßung und Gesprächsregeln", "Welche unserer Gesprächsregeln ist dir heute besonders wichtig?"),
          t("Bienvenida y normas del grupo", "¿Cuál de nuestras normas es hoy la más importante para ti?")),
      item(ROUND, 10,
          t("Check-in round", "How are you arriving today?"),
          t("Ankommensrunde", "Wie kommst du heute an?"),
          t("Ronda de llegada", "¿Cómo llegas hoy?")),
      item(DISCUSSION, 20,
          t("Share challenges", "One real management challenge you face now"),
          t("Herausforderungen teilen", "Eine echte Führungsherausforderung, vor der du gerade stehst"),
          t("Compartir retos", "Un reto real de liderazgo al que te enfrentas ahora")),
      item(DISCUSSION, 15,
          t("New knowledge", "What idea, model or experience could help with the challenges we heard?"),
          t("Neues Wissen", "Welche Idee, welches Modell oder welche Erfahrung könnte bei den Herausforderungen helfen, die wir gehört haben?"),
          t("Nuevo conocimiento", "¿Qué idea, modelo o experiencia podría ayudar con los retos que hemos escuchado?")),
      item(BOARD, 20,
          t("Idea board: approaches to try", "What approaches could we try?"),
          t("Ideenwand: Ansätze zum Ausprobieren", "Welche Ansätze könnten wir ausprobieren?"),
          t("Muro de ideas: enfoques para probar", "¿Qué enfoques podríamos probar?")),
      item(COMMITMENTS, 15,
          t("Commitments: what I will practise", "What will I practise before we meet again?"),
          t("Vorhaben: was ich üben werde", "Was übe ich bis zu unserem nächsten Treffen?"),
          t("Compromisos: lo que voy a practicar", "¿Qué voy a practicar antes de que volvamos a vernos?")),
      item(DISCUSSION, 5,
          t("Close", "What do I take away from today, in one sentence?"),
          t("Abschluss", "Was nehme ich heute mit, in einem Satz?"),
          t("Cierre", "¿Qué me llevo de hoy, en una frase?")))),
  FOLLOW_UP(List.of(
      item(DISCUSSION, 5,
          t("Welcome", "Which of our ground rules do we want to keep in mind today?"),
          t("Begrüßung", "Welche unserer Gesprächsregeln wollen wir heute besonders im Blick behalten?"),
          t("Bienvenida", "¿Qué normas del grupo queremos tener presentes hoy?")),
      item(ROUND, 10,
          t("Check-in round", "How are you arriving today?"),
          t("Ankommensrunde", "Wie kommst du heute an?"),
          t("Ronda de llegada", "¿Cómo llegas hoy?")),
      item(ROUND, 30,
          t("Reflection: what happened when I practised", "What happened when I practised my commitment?"),
          t("Rückblick: was beim Üben passiert ist", "Was ist passiert, als ich mein Vorhaben geübt habe?"),
          t("Reflexión: qué pasó cuando practiqué", "¿Qué pasó cuando practiqué mi compromiso?")),
      item(BOARD, 20,
          t("Idea board: lessons learned", "What did we learn from practising?"),
          t("Ideenwand: was wir gelernt haben", "Was haben wir beim Üben gelernt?"),
          t("Muro de ideas: lo que aprendimos", "¿Qué aprendimos al practicar?")),
      item(COMMITMENTS, 15,
          t("Next commitments", "What will I practise before we meet again?"),
          t("Nächste Vorhaben", "Was übe ich bis zu unserem nächsten Treffen?"),
          t("Próximos compromisos", "¿Qué voy a practicar antes de que volvamos a vernos?")),
      item(DISCUSSION, 10,
          t("Close", "What helped me most today, and what should we change next time?"),
          t("Abschluss", "Was hat mir heute am meisten geholfen, und was sollten wir beim nächsten Mal ändern?"),
          t("Cierre", "¿Qué me ayudó más hoy y qué deberíamos cambiar la próxima vez?")))),
  BLANK(List.of());

  /** The template's agenda in English, in order; immutable. */
  public final List<PlannedItem> items;
  private final List<Planned> planned;

  Template(List<Planned> planned) {
    this.planned = planned;
    this.items = items(Language.EN);
  }

  /** The template's agenda written in {@code language}, in order; immutable. */
  public List<PlannedItem> items(Language language) {
    return planned.stream().map(p -> p.in(language)).toList();
  }

  /** The planned length of the whole agenda. */
  public int minutes() {
    int total = 0;
    for (PlannedItem p : items) total += p.minutes();
    return total;
  }

  /** One agenda item as a template plans it. */
  public record PlannedItem(String title, ItemKind kind, int minutes, String prompt) {}

  /** A title and its prompt in one language. */
  private record Words(String title, String prompt) {}

  /** An item with its words in every {@link Language}, in the enum's order. */
  private record Planned(ItemKind kind, int minutes, List<Words> words) {
    PlannedItem in(Language language) {
      Words w = words.get(language.ordinal());
      return new PlannedItem(w.title(), kind, minutes, w.prompt());
    }
  }

  private static Words t(String title, String prompt) {
    return new Words(title, prompt);
  }

  private static Planned item(ItemKind kind, int minutes, Words en, Words de, Words es) {
    return new Planned(kind, minutes, List.of(en, de, es));
  }
}
