package dev.opkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitReportTest {
  private static Document xml(RunOutcome run) throws Exception {
    StringWriter out = new StringWriter();
    JUnitReport.write(run, out);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new InputSource(new StringReader(out.toString())));
  }

  private static Element testcase(Document xml, String name) {
    NodeList cases = xml.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (name.equals(testcase.getAttribute("name"))) {
        return testcase;
      }
    }
    throw new AssertionError("no testcase " + name);
  }

  private static List<String> properties(Element testcase, String name) {
    List<String> values = new ArrayList<>();
    NodeList nodes = testcase.getElementsByTagName("property");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element property = (Element) nodes.item(i);
      if (name.equals(property.getAttribute("name"))) {
        values.add(property.getAttribute("value"));
      }
    }
    return values;
  }

  private static String child(Element testcase, String tag) {
    NodeList nodes = testcase.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  @Test
  void writeWhenDivergentThenPassingTestcaseWithItsGradeAndTheDivergenceInFull() throws Exception {
    Document xml = xml(TestOutcomes.everyGrade());
    Element divergent = testcase(xml, "The user accepts the grant");

    assertThat(child(divergent, "failure")).isNull();
    assertThat(child(divergent, "skipped")).isNull();
    assertThat(divergent.getAttribute("file"))
        .isEqualTo("features/grants/outgoing-payment-grant.feature");
    assertThat(divergent.getAttribute("line")).isEqualTo("19");
    assertThat(properties(divergent, JUnitReport.GRADE_PROPERTY)).containsExactly("divergent");
    assertThat(properties(divergent, JUnitReport.DIVERGENCE_PROPERTY))
        .containsExactly("finish hash in standard base64 with padding");
    assertThat(child(divergent, "system-out"))
        .startsWith("DIVERGENT (every MUST held; not a failure)")
        .contains("specification: RFC 9635 §4.2.3")
        .contains("as done by: Rafiki")
        .contains("observed: hash=P2nn+/=");
  }

  @Test
  void writeWhenFailedOrSkippedThenFailureAndSkippedElementsWithTheReason() throws Exception {
    Document xml = xml(TestOutcomes.everyGrade());
    Element failed = testcase(xml, "A grant for an unknown kind of access is refused");
    Element skipped = testcase(xml, "An expired token is refused");

    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("MUST: an invalid grant request is refused with 400 invalid_request");
    assertThat(failure.getTextContent())
        .contains("error object without `code`")
        .contains("last requests and responses:")
        .contains("POST https://auth.example/")
        .doesNotContain("\u0007");
    assertThat(properties(failed, JUnitReport.GRADE_PROPERTY)).containsExactly("failed");
    assertThat(((Element) skipped.getElementsByTagName("skipped").item(0)).getAttribute("message"))
        .startsWith("needs the sandbox's clock");
    assertThat(properties(skipped, JUnitReport.GRADE_PROPERTY)).containsExactly("skipped");
  }

  @Test
  void writeWhenRunThenCountsPerSuiteAndInTotalWithDivergentOnesPassing() throws Exception {
    Document xml = xml(TestOutcomes.everyGrade());
    Element all = xml.getDocumentElement();

    assertThat(all.getAttribute("tests")).isEqualTo("5");
    assertThat(all.getAttribute("failures")).isEqualTo("1");
    assertThat(all.getAttribute("skipped")).isEqualTo("1");
    assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
    Element noted = testcase(xml, "An access token is only accepted with a signature");
    assertThat(properties(noted, JUnitReport.GRADE_PROPERTY)).containsExactly("passed");
    assertThat(properties(noted, JUnitReport.NOTE_PROPERTY))
        .containsExactly("status answered: 400 (the rule allows 400 or 401)");
  }
}
