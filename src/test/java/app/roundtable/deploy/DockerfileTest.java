package app.roundtable.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The image is built from everything the jar packages: an image without web/ served 404 for every page. */
class DockerfileTest {
  private static final Pattern COPY = Pattern.compile("^COPY\\s+(?!--from)(.+?)\\s+\\S+\\s*$", Pattern.MULTILINE);

  @Test
  void everyResourceDirectoryThePomPackagesIsCopiedIntoTheBuild() throws Exception {
    List<String> copied = copiedSources(Files.readString(Path.of("Dockerfile")));
    List<String> resources = resourceDirectories(Path.of("pom.xml"));
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
        .map(l -> l.trim().replaceFirst("/$", "")).toList();
    assertFalse(resources.isEmpty(), "pom.xml declares resource directories");
    for (String dir : resources) {
      assertTrue(copied.stream().anyMatch(c -> dir.equals(c) || dir.startsWith(c + "/")),
          "the Dockerfile copies " + dir + " (it copies " + copied + ")");
      assertFalse(ignored.contains(dir), ".dockerignore keeps " + dir + " out of the build context");
    }
  }

  @Test
  void aMissingDirectoryIsNoticed() {
    List<String> copied = copiedSources("COPY pom.xml ./\nCOPY src ./src\nCOPY --from=build /a /b\n");
    assertTrue(copied.contains("src") && !copied.contains("web") && !copied.contains("/a"), copied.toString());
  }

  /** Sources of COPY lines from the build context (not from another stage), without a leading ./ or trailing /. */
  static List<String> copiedSources(String dockerfile) {
    List<String> out = new ArrayList<>();
    Matcher m = COPY.matcher(dockerfile);
    while (m.find()) {
      for (String src : m.group(1).trim().split("\\s+")) {
        if (src.startsWith("--")) continue;
        out.add(src.replaceFirst("^\\./", "").replaceFirst("/$", ""));
      }
    }
    return out;
  }

  static List<String> resourceDirectories(Path pom) throws Exception {
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    List<String> out = new ArrayList<>();
    // <resource> only: test resources are not needed, the image build skips the tests.
    NodeList list = root.getElementsByTagName("resource");
    for (int i = 0; i < list.getLength(); i++) {
      NodeList dirs = ((Element) list.item(i)).getElementsByTagName("directory");
      if (dirs.getLength() > 0) out.add(dirs.item(0).getTextContent().trim().replaceFirst("^\\$\\{(project\\.)?basedir}/", ""));
    }
    return out;
  }
}
