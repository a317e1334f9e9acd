package dev.flowconf.conformance.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UuidV4ScrubberTests {

  private final UuidV4Scrubber scrubber = new UuidV4Scrubber();

  @Test
  void numbersEachDistinctUuidV4InOrderOfFirstAppearance() {
    String first = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    String second = "01234567-89ab-4cde-bf01-23456789abcd";

    assertEquals("\"lf.run_id\": \"<uuid-1>\", \"other\": \"<uuid-2>\", \"again\": \"<uuid-1>\"",
        scrubber.scrub("\"lf.run_id\": \"" + first + "\", \"other\": \"" + second + "\", \"again\": \"" + first + "\""),
        "META-LF-2: the same run id keeps its token");
  }

  @Test
  void leavesEverythingThatIsNotACanonicalUuidV4() {
    String flowIdV5 = "\"lf.flow_id\": \"4f7f0cc8-dad5-5356-b4b0-974c533abd6e\"";
    String upperCase = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B";
    String wrongVariant = "6f1c2a3b-4d5e-4f60-7a7b-9c0d1e2f3a4b";
    String longer = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b0";

    for (String text : new String[] {flowIdV5, upperCase, wrongVariant, longer}) {
      assertEquals(text, scrubber.scrub(text));
    }
  }
}
