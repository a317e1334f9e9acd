package dev.flowconf.conformance.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each host's JUnit XML is parsed back with the JDK's parser: well-formed, counted right, failures carrying the diff. */
class JunitXmlReportTests {

  @TempDir
  Path goldensDir;

  private SampleRun sample;

  @BeforeEach
  void sampleRun() throws Exception {
    sample = SampleRun.in(goldensDir);
  }

  @Test
  void oneSuitePerHostOneTestcasePerCaseCountedByVerdict() throws Exception {
    Element workers = parse(JunitXmlReport.render(sample.run, sample.run.targets().get(1))).getDocumentElement();
    Element reference = parse(JunitXmlReport.render(sample.run, sample.run.targets().get(0))).getDocumentElement();

    assertAll(
        () -> assertEquals("testsuite", workers.getTagName()),
        () -> assertEquals("flowconf conformance: workers", workers.getAttribute("name")),
        () -> assertEquals("4", workers.getAttribute("tests")),
        () -> assertEquals("2", workers.getAttribute("failures"), "two FAILs"),
        () -> assertEquals("1", workers.getAttribute("skipped"), "the XFAIL"),
        () -> assertEquals("0", workers.getAttribute("errors")),
        () -> assertEquals("4", reference.getAttribute("tests")),
        () -> assertEquals("1", reference.getAttribute("failures"), "the XPASS"),
        () -> assertEquals("0", reference.getAttribute("skipped")),
        () -> assertEquals(List.of("echo/decimals", "echo/happy", "flows/spill", "sse/stream"),
            attributes(workers.getElementsByTagName("testcase"), "name")),
        () -> assertEquals(List.of("echo", "echo", "flows", "sse"),
            attributes(workers.getElementsByTagName("testcase"), "classname")),
        () -> assertEquals("0.030", testcase(workers, "echo/decimals").getAttribute("time")),
        () -> assertEquals("http://127.0.0.1:2",
            ((Element) workers.getElementsByTagName("property").item(0)).getAttribute("value")));
  }

  @Test
  void aFailureCarriesItsDiffAndAnXfailIsSkippedWithItsReason() throws Exception {
    Element workers = parse(JunitXmlReport.render(sample.run, sample.run.targets().get(1))).getDocumentElement();
    Element reference = parse(JunitXmlReport.render(sample.run, sample.run.targets().get(0))).getDocumentElement();

    Element failure = (Element) testcase(workers, "echo/decimals").getElementsByTagName("failure").item(0);
    Element skipped = (Element) testcase(workers, "flows/spill").getElementsByTagName("skipped").item(0);
    Element xpass = (Element) testcase(reference, "sse/stream").getElementsByTagName("failure").item(0);
    assertAll(
        () -> assertEquals("FAIL", failure.getAttribute("type")),
        () -> assertTrue(failure.getAttribute("message").startsWith("FAIL: echo/decimals @ workers [JSON-NUM-2"),
            failure.getAttribute("message")),
        () -> assertTrue(failure.getTextContent().contains("-1.1\n+1.10 <&> \\u{001B}[31m\n"),
            "the diff, escaped for XML, control characters made visible: " + failure.getTextContent()),
        () -> assertEquals("XFAIL, expected failure (SPILL-HOST-1: no spill storage)", skipped.getAttribute("message")),
        () -> assertTrue(testcase(workers, "flows/spill").getElementsByTagName("system-out").item(0).getTextContent()
            .contains("+<<< 400")),
        () -> assertEquals("XPASS", xpass.getAttribute("type")),
        () -> assertTrue(xpass.getTextContent().contains("expects FAIL (STREAM-1: was broken)"), xpass.getTextContent()),
        () -> assertEquals(0, testcase(workers, "echo/happy").getChildNodes().getLength(), "a pass is an empty testcase"));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element testcase(Element suite, String name) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (testcase.getAttribute("name").equals(name)) {
        return testcase;
      }
    }
    throw new AssertionError("no testcase " + name);
  }

  private static List<String> attributes(NodeList elements, String attribute) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < elements.getLength(); i++) {
      values.add(((Element) elements.item(i)).getAttribute(attribute));
    }
    return values;
  }
}
