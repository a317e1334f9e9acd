package dev.flowconf.conformance.transcript;

/** One token of a JSON text, holding its exact source text (a string keeps its quotes and escapes). */
record JsonToken(Kind kind, String text) {

  enum Kind { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, COLON, COMMA, SCALAR }
}
