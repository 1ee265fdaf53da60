package app.roundtable.protocol;

import app.roundtable.domain.Language;
import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The speaking record as an SVG bar chart for the summary: one bar per member for the time they
 * spoke, with their turns, in the order they joined (not ranked: the record is for the group to see
 * its balance, not a score). Self-contained, no scripts, no external references. A download of its
 * own (the summary URL with {@code Accept: image/svg+xml}), not inlined in the Markdown record.
 */
public final class SpeakingChart {
  private static final int WIDTH = 640;
  private static final int ROW = 32;
  private static final int TOP = 40;
  private static final int LABEL = 170;
  private static final int BAR_MAX = 300;

  private SpeakingChart() {}

  public static String svg(Session s) {
    return svg(s, Language.of(s.language));
  }

  /** The chart with its title and labels in {@code language}. */
  public static String svg(Session s, Language language) {
    SummaryWords w = SummaryWords.of(language);
    List<Member> members = new ArrayList<>();
    long most = 0;
    for (Member m : s.members.values()) {
      if (m.removed) continue;
      members.add(m);
      most = Math.max(most, m.spokenMs);
    }
    int height = TOP + ROW * Math.max(1, members.size()) + 12;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"t\" font-family=\"sans-serif\" font-size=\"14\">");
    b.append("<title id=\"t\">").append(xml(w.chartLabel())).append("</title>");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    b.append("<text x=\"8\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"#111111\">").append(xml(w.chartTitle())).append("</text>");
    if (members.isEmpty()) {
      b.append("<text x=\"8\" y=\"").append(TOP + 20).append("\" fill=\"#111111\">").append(xml(w.nobodyJoined())).append("</text>");
    }
    for (int k = 0; k < members.size(); k++) {
      Member m = members.get(k);
      int y = TOP + k * ROW;
      int bar = most == 0 ? 0 : (int) Math.round(BAR_MAX * (double) m.spokenMs / most);
      b.append("<text x=\"8\" y=\"").append(y + 20).append("\" fill=\"#111111\">")
          .append(xml(shorten(m.name))).append("</text>");
      b.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 6).append("\" width=\"")
          .append(Math.max(bar, 2)).append("\" height=\"20\" fill=\"#1f5fbf\"/>");
      b.append("<text x=\"").append(LABEL + Math.max(bar, 2) + 8).append("\" y=\"").append(y + 20)
          .append("\" fill=\"#111111\">").append(SummaryView.minutes(m.spokenMs)).append(" · ")
          .append(xml(w.turns(m.turns))).append("</text>");
    }
    return b.append("</svg>").toString();
  }

  private static String shorten(String name) {
    return name.codePointCount(0, name.length()) <= 20 ? name
        : name.substring(0, name.offsetByCodePoints(0, 19)) + "…";
  }

  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
