package dev.flowconf.conformance.report;

import dev.flowconf.conformance.golden.Expectation;
import dev.flowconf.conformance.replay.Target;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One host's results as JUnit XML ({@code junit-<host>.xml}), the format every CI understands: one
 * {@code testsuite}, one {@code testcase} per case (name: case id, classname: topic).
 *
 * <p>FAIL and XPASS are {@code failure}s carrying the message and diff. XFAIL is {@code skipped}
 * with the expectation as its message, as pytest writes its xfails: a CI dashboard then neither
 * counts a known deviation as a conformance pass nor fails the build on it, and the skipped count
 * keeps it in view. Its diff goes to the testcase's {@code system-out}. N/A (a case needing a host
 * feature the target lacks, never sent) is {@code skipped} too, its message naming the features.
 */
public final class JunitXmlReport {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private JunitXmlReport() {}

  public static String render(CheckedRun run, Target target) {
    List<Outcome> outcomes = run.outcomesOf(target.name());
    Map<Verdict, Long> totals = run.totals(target.name());
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "flowconf conformance: " + target.name());
      xml.writeAttribute("tests", Integer.toString(outcomes.size()));
      xml.writeAttribute("failures", Long.toString(totals.get(Verdict.FAIL) + totals.get(Verdict.XPASS)));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Long.toString(totals.get(Verdict.XFAIL) + totals.get(Verdict.NA)));
      xml.writeAttribute("time", seconds(outcomes.stream().mapToLong(o -> o.took().toMillis()).sum()));
      xml.writeAttribute("timestamp", TIMESTAMP.format(run.finishedAt()));
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      property(xml, "target", target.baseUrl().toString());
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      for (Outcome outcome : outcomes) {
        xml.writeCharacters("\n  ");
        testcase(xml, run, outcome);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return text.toString();
  }

  private static void testcase(XMLStreamWriter xml, CheckedRun run, Outcome outcome) throws XMLStreamException {
    if (outcome.verdict() == Verdict.PASS) {
      xml.writeEmptyElement("testcase");
      caseAttributes(xml, outcome);
      return;
    }
    xml.writeStartElement("testcase");
    caseAttributes(xml, outcome);
    String message = outcome.message().orElse("");
    xml.writeCharacters("\n    ");
    if (outcome.verdict() == Verdict.NA) {
      xml.writeEmptyElement("skipped");
      // The message without its case/host/clauses label, which the testcase itself carries: "N/A, the target lacks …"
      xml.writeAttribute("message", xmlSafe(message.substring(outcome.golden().labelOn(outcome.host()).length() + 2)));
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      return;
    }
    if (outcome.verdict() == Verdict.XFAIL) {
      String why = run.expectation(outcome).map(Expectation::summary).orElse("see the host's ledger");
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", xmlSafe("XFAIL, expected failure (" + why + ")"));
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
    } else {
      xml.writeStartElement("failure");
      xml.writeAttribute("type", outcome.verdict().name());
      xml.writeAttribute("message", xmlSafe(outcome.verdict() + ": " + message.lines().findFirst().orElse("")));
    }
    xml.writeCharacters(xmlSafe(message));
    xml.writeEndElement();
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void caseAttributes(XMLStreamWriter xml, Outcome outcome) throws XMLStreamException {
    xml.writeAttribute("name", outcome.golden().id());
    xml.writeAttribute("classname", CheckedRun.topicOf(outcome.golden()));
    xml.writeAttribute("time", seconds(outcome.took().toMillis()));
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", xmlSafe(value));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  /**
   * XML 1.0 cannot hold most control characters at all, escaped or not, and a browser's or host's
   * error text may carry some (ANSI colours): each becomes {@code \\u{XXXX}}, as transcripts show them.
   */
  static String xmlSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (allowed) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u{%04X}", c));
      }
    });
    return out.toString();
  }
}
