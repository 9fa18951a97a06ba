// cleanText: what typed text may be stored as. Controls, NUL and bidirectional
// overrides and isolates go; every script people write in stays as typed.
import { cleanText, nameKey, normaliseName } from "../../src/domain/common/text";

describe("cleanText", () => {
  it("takes out NUL and the other C0 and C1 control characters", () => {
    expect(cleanText("Start\u0000ing a\u0007 business\u001b[31m", "line")).toBe("Starting a business[31m");
    expect(cleanText("a\u007fb\u0080c\u009fd\u000be\u000cf", "lines")).toBe("abcdef");
  });

  it("takes out bidirectional embeddings, overrides and isolates, and keeps the marks", () => {
    const overrides = "\u202a\u202b\u202c\u202d\u202e";
    const isolates = "\u2066\u2067\u2068\u2069";
    expect(cleanText(`invoice${overrides}fdp.exe${isolates}`, "line")).toBe("invoicefdp.exe");
    // LRM, RLM and the Arabic letter mark place punctuation in mixed text; they reorder nothing around them.
    expect(cleanText("HMRC\u200e: שלום\u200f! \u061c", "line")).toBe("HMRC\u200e: שלום\u200f! \u061c");
  });

  it("keeps line breaks and tabs in a multi-line field, as \\n, and makes them spaces in a one-line field", () => {
    expect(cleanText("one\r\ntwo\rthree\u2028four\u2029five\u0085six\tseven", "lines")).toBe("one\ntwo\nthree\nfour\nfive\nsix\tseven");
    expect(cleanText("one\r\ntwo\tthree", "line")).toBe("one two three");
    expect(normaliseName(" one\r\n\ttwo  ")).toBe("one two");
  });

  it("takes out half a surrogate pair and keeps whole ones", () => {
    expect(cleanText("a\ud83db\ude00c🙂", "line")).toBe("abc🙂");
  });

  it("keeps Welsh, Arabic, Hebrew, emoji sequences and combining marks exactly as typed", () => {
    for (const text of [
      "Cychwyn busnes: ŵ ŷ â ê î ô û ẁ ẃ ẅ Ŵ Ŷ",
      "تسجيل شركة جديدة في المملكة المتحدة",
      "רישום עסק חדש",
      "فریلنسر\u200cها", // Persian needs the zero-width non-joiner
      "👩🏽‍💻 👨‍👩‍👧 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
      "w\u0302 e\u0301",
      "Ôl-troed 中文 Ελληνικά",
    ]) {
      expect(cleanText(text, "line")).toBe(text);
      expect(cleanText(text, "lines")).toBe(text);
    }
  });

  it("makes names that differ only by hidden characters the same name", () => {
    expect(nameKey("Starting a\u202e business\u0000")).toBe(nameKey("starting a business"));
    expect(normaliseName("\u0000\u0001\u202e\u2066 \t")).toBe("");
  });
});
