package app.roundtable.protocol;

import app.roundtable.domain.CommitmentStatus;
import app.roundtable.domain.ItemStatus;
import app.roundtable.domain.Language;
import app.roundtable.domain.SessionStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The words the session's record is written in (PROTOCOL.md v1.2: the summary's headings in the
 * reader's language), one set per {@link Language}. Members' own words are never translated.
 */
record SummaryWords(
    Locale locale,
    String date, String status, String open, String ended,
    String agenda, String item, String planned, String actual, String minutes,
    String pending, String active, String done,
    String speaking, String member, String turns, String timeSpoken,
    String facilitation, String nobody,
    String board, String round, String current, String prompt, String noIdeas,
    String vote, String votes, String group,
    String commitments, String none, String plannedStatus, String tried, String doneStatus,
    String from,
    String chartTitle, String chartLabel, String turn, String turnsShort, String nobodyJoined) {

  static final SummaryWords EN = new SummaryWords(Locale.ENGLISH,
      "Date", "Status", "open", "ended",
      "Agenda", "Item", "Planned", "Actual", "min",
      "pending", "active", "done",
      "Speaking balance", "Member", "Turns", "Time spoken",
      "Facilitation", "nobody",
      "Idea board", "Round %d", "(current)", "Prompt", "No revealed ideas.",
      "vote", "votes", "group",
      "Commitments", "None.", "planned", "tried", "done",
      "From “%s”",
      "Speaking record", "Speaking record: time spoken and turns per member", "turn", "turns", "Nobody joined.");

  static final SummaryWords DE = new SummaryWords(Locale.GERMAN,
      "Datum", "Status", "offen", "beendet",
      "Agenda", "Punkt", "Geplant", "Tatsächlich", "Min.",
      "kommt noch", "läuft", "erledigt",
      "Redebilanz", "Person", "Beiträge", "Redezeit",
      "Moderation", "niemand",
      "Ideenwand", "Runde %d", "(aktuell)", "Frage", "Keine aufgedeckten Ideen.",
      "Stimme", "Stimmen", "Gruppe",
      "Vorhaben", "Keine.", "geplant", "ausprobiert", "erledigt",
      "Aus „%s“",
      "Redebilanz", "Redebilanz: Redezeit und Beiträge pro Person", "Beitrag", "Beiträge", "Niemand ist beigetreten.");

  static final SummaryWords ES = new SummaryWords(new Locale("es"),
      "Fecha", "Estado", "abierta", "terminada",
      "Agenda", "Punto", "Previsto", "Real", "min",
      "pendiente", "en curso", "hecho",
      "Registro de palabra", "Persona", "Turnos", "Tiempo de palabra",
      "Moderación", "nadie",
      "Muro de ideas", "Ronda %d", "(actual)", "Pregunta", "No hay ideas reveladas.",
      "voto", "votos", "grupo",
      "Compromisos", "Ninguno.", "previsto", "intentado", "hecho",
      "De «%s»",
      "Registro de palabra", "Registro de palabra: tiempo y turnos por persona", "turno", "turnos", "No se unió nadie.");

  static SummaryWords of(Language language) {
    return switch (Language.of(language)) {
      case EN -> EN;
      case DE -> DE;
      case ES -> ES;
    };
  }

  String status(SessionStatus s) {
    return s == SessionStatus.ENDED ? ended : open;
  }

  String status(ItemStatus s) {
    return switch (s) {
      case PENDING -> pending;
      case ACTIVE -> active;
      case DONE -> done;
    };
  }

  String status(CommitmentStatus s) {
    return switch (s) {
      case PLANNED -> plannedStatus;
      case TRIED -> tried;
      case DONE -> doneStatus;
    };
  }

  String votes(int n) {
    return n + " " + (n == 1 ? vote : votes);
  }

  String turns(int n) {
    return n + " " + (n == 1 ? turn : turnsShort);
  }

  /** A day as people write it in this language: "4 December 2026", "4. Dezember 2026", "4 de diciembre de 2026". */
  String day(long at, ZoneId zone) {
    DateTimeFormatter f = locale == Locale.ENGLISH
        ? DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    return f.withZone(zone).format(Instant.ofEpochMilli(at));
  }
}
