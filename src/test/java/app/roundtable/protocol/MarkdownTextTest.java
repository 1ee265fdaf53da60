package app.roundtable.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Members' words in the Markdown record read as written, checked by a real renderer: GitHub's own
 * {@code cmark-gfm} (with its autolink, table and strikethrough extensions) parses each text in
 * each place the record puts text, and the tree must hold exactly the text — no link, emphasis,
 * code, HTML, heading or list made of it. And nothing is escaped that needn't be.
 */
class MarkdownTextTest {
  private static final List<String> HOSTILE = List.of(
      "*new* and **bold** and _under_ and __twice__", "~~struck~~ and ~one~", "`code` and ``more``",
      "[a link](https://example.com) and ![img](x.png)", "[ref]: https://example.com", "<b>bold</b> <!-- c --> <?x?>",
      "<https://example.com>", "see https://example.com/a_b*c or www.example.com now", "HTTPS://EXAMPLE.COM",
      "mail ana@example.com or mailto:bo@example.com", "ftp://files.example at 10:30, ratio 3:1",
      "# not a heading", "###### six", "> not a quote", "- not a list", "+ nor this", "* nor this",
      "1. not a list", "12) nor this", "---", "* * *", "___", "===", "~~~", "```", "back\\slash \\* and \\",
      "a | pipe", "&amp; &#35; &#x41; &copy; stay as typed", "trailing #", "C# and F#", "ends with ##",
      "x*y*z", "_a_b_", "*", "**", "a * b", "snake_case_name", "1:1s and Check-in, 2-3 (ok) {x} + - ! .");

  @Test
  void hostileTextReadsLiterallyInEveryPlace() throws Exception {
    for (String t : HOSTILE) {
      assertEquals(t, only("- " + MarkdownText.block(t) + "\n", "paragraph"), "a list item: " + t);
      assertEquals("Prompt: " + t, only("Prompt: " + MarkdownText.inline(t) + "\n", "paragraph"), "a sentence: " + t);
      assertEquals(t, only("| A |\n|---|\n| " + MarkdownText.cell(t) + " |\n", "table_cell"), "a table cell: " + t);
      assertEquals(t, only("# " + MarkdownText.heading(t) + "\n", "heading"), "a heading: " + t);
      assertEquals("**" + t + "**", "**" + only("- **" + MarkdownText.inline(t) + "**: x\n", "strong") + "**", "a bold name: " + t);
    }
  }

  @Test
  void onlyWhatWouldChangeMeaningIsEscaped() {
    for (String t : List.of("Check-in round", "1:1s", "2 * 3", "snake_case", "Q&A", "C# and F#", "50% (or more)!",
        "Was hier gesagt wird, bleibt hier", "¿Cómo llegas hoy?", "a - b + c", "at 10:30, ratio 3:1")) {
      assertEquals(t, MarkdownText.block(t), t);
      assertEquals(t, MarkdownText.cell(t), t);
    }
    assertEquals("\\# one", MarkdownText.block("# one"));
    assertEquals("# one", MarkdownText.inline("# one"));
    assertEquals("1\\. first", MarkdownText.block("1. first"));
    assertEquals("a \\| b", MarkdownText.cell("a | b"));
    assertEquals("`https://example.com`", MarkdownText.inline("https://example.com"));
    assertEquals("\\<`https://example.com`>", MarkdownText.inline("<https://example.com>"));
    assertEquals("one two", MarkdownText.inline("one\ntwo"));
  }

  private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("(?i)(?:[a-z]+://|www\\.|mailto:|[\\w.+-]+@)\\S+");

  /** The text of the (last) element named {@code container}, failing on any markup inside it. */
  private static String only(String markdown, String container) throws Exception {
    Element root = render(markdown).getDocumentElement();
    List<Element> found = new ArrayList<>();
    collect(root, container, found);
    // A table has its header's cell, then the row's.
    assertEquals(container.equals("table_cell") ? 2 : 1, found.size(), () -> container + " in: " + markdown);
    StringBuilder text = new StringBuilder();
    for (Node n = found.get(found.size() - 1).getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() != Node.ELEMENT_NODE) continue;
      // Text, or a bare link shown as a code span (as written, linking nowhere).
      String kind = n.getLocalName();
      assertTrue(kind.equals("text") || kind.equals("code") && BARE.matcher(n.getTextContent()).matches(),
          () -> kind + " in " + markdown);
      text.append(n.getTextContent());
    }
    return text.toString();
  }

  private static void collect(Element e, String name, List<Element> out) {
    if (e.getLocalName().equals(name)) out.add(e);
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) collect(child, name, out);
    }
  }

  private static Document render(String markdown) throws Exception {
    Process p = new ProcessBuilder("cmark-gfm", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-t", "xml")
        .redirectErrorStream(true).start();
    p.getOutputStream().write(markdown.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    byte[] xml = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("cmark-gfm failed: " + new String(xml, StandardCharsets.UTF_8));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
