// An email's content, written once as a list of parts and rendered three ways:
// plain text (every email's text part), HTML (its HTML part) and GOV.UK Notify's
// markdown (Notify sends one body and makes the HTML itself). Writing the parts
// once keeps the three the same; each renderer escapes what it needs, so an
// email view never builds HTML or markdown by hand.

export type EmailPart =
  /** A paragraph. Line breaks in it are kept (a typed message's lines). */
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  /** A link on a line of its own, with words that say where it goes. */
  | { kind: "link"; text: string; href: string }
  | { kind: "list"; items: string[] }
  /** A typed message quoted as sent (an invitation's words). */
  | { kind: "quote"; text: string }
  /** Small print at the foot: why they got it, how to stop. */
  | { kind: "footer"; text: string; links?: Array<{ text: string; href: string }> };

export interface EmailDocument {
  subject: string;
  /** The line mail clients show beside the subject; the first paragraph when not given. */
  preheader?: string;
  parts: EmailPart[];
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) and mailto links are ever made: anything else is shown as text. */
function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(href) ? href : null;
}

/** An email's three renderings, as services.mail.plan takes them. */
export function renderEmail(
  doc: EmailDocument,
  serviceName: string,
): { subject: string; text: string; html: string; notifyMarkdown: string } {
  return { subject: doc.subject, text: emailText(doc), html: emailHtml(doc, serviceName), notifyMarkdown: emailNotifyMarkdown(doc) };
}

/**
 * The marks that differ between the two plain renderings. Everything else (links
 * on their own line, "*" bullets, the order of parts) is the same in both, so
 * they share one walk and cannot drift apart.
 */
interface PlainMarks {
  heading(text: string): string;
  /** Put before each line of a quoted message. */
  quote: string;
  /** Between the footer's lines. */
  footerBreak: string;
}

/** The text part: headings underlined, quotes with "> ", as mail clients show them. */
const TEXT_MARKS: PlainMarks = {
  heading: (text) => (text.toUpperCase() === text ? text : `${text}\n${"-".repeat(Math.min(text.length, 60))}`),
  quote: "> ",
  footerBreak: "\n",
};

/**
 * Notify's markdown: "#" headings, "^" inset text, "---" a rule, and bare URLs
 * (Notify links them). Notify joins single lines, so the footer's lines are kept
 * apart with blank ones. Markdown's own characters in typed text are left alone:
 * Notify shows anything that is not one of its few marks as typed.
 */
const NOTIFY_MARKS: PlainMarks = {
  heading: (text) => `# ${text}`,
  quote: "^ ",
  footerBreak: "\n\n",
};

function plainPart(part: EmailPart, marks: PlainMarks): string {
  switch (part.kind) {
    case "paragraph":
      return part.text;
    case "heading":
      return marks.heading(part.text);
    case "link":
      return `${part.text}:\n${part.href}`;
    case "list":
      return part.items.map((i) => `* ${i}`).join("\n");
    case "quote":
      return part.text
        .split("\n")
        .map((l) => `${marks.quote}${l}`)
        .join("\n");
    case "footer":
      return ["---", part.text, ...(part.links ?? []).map((l) => `${l.text}: ${l.href}`)].join(marks.footerBreak);
  }
}

function plain(doc: EmailDocument, marks: PlainMarks): string {
  return doc.parts.map((part) => plainPart(part, marks)).join("\n\n");
}

export function emailText(doc: EmailDocument): string {
  return `${plain(doc, TEXT_MARKS)}\n`;
}

export function emailNotifyMarkdown(doc: EmailDocument): string {
  return plain(doc, NOTIFY_MARKS);
}

const FONT = "font-family: Helvetica, Arial, sans-serif; color: #0b0c0c;";
const BODY = `${FONT} font-size: 19px; line-height: 1.32; margin: 0 0 20px;`;

function linkHtml(text: string, href: string): string {
  const safe = safeHref(href);
  return safe ? `<a href="${html(safe)}" style="color: #1d70b8;">${html(text)}</a>` : html(text);
}

function partHtml(part: EmailPart): string {
  switch (part.kind) {
    case "paragraph":
      return `<p style="${BODY}">${html(part.text).replace(/\n/g, "<br>")}</p>`;
    case "heading":
      return `<h2 style="${FONT} font-size: 24px; font-weight: 700; margin: 30px 0 15px;">${html(part.text)}</h2>`;
    case "link":
      return `<p style="${BODY}">${linkHtml(part.text, part.href)}</p>`;
    case "list":
      return `<ul style="${BODY} padding-left: 20px;">${part.items.map((i) => `<li style="margin: 5px 0;">${html(i)}</li>`).join("")}</ul>`;
    case "quote":
      return `<blockquote style="${BODY} border-left: 10px solid #b1b4b6; padding: 15px 0 0.1px 15px; margin-left: 0;"><p style="${BODY}">${html(part.text).replace(/\n/g, "<br>")}</p></blockquote>`;
    case "footer": {
      const links = (part.links ?? []).map((l) => linkHtml(l.text, l.href)).join(" · ");
      return `<hr style="border: 0; border-top: 1px solid #b1b4b6; margin: 30px 0 15px;"><p style="${FONT} font-size: 16px; line-height: 1.25; color: #505a5f;">${html(part.text)}${links ? `<br>${links}` : ""}</p>`;
    }
  }
}

/** Simple, accessible HTML in the style of GOV.UK Notify's emails: one column, a blue bar, large type, real links. */
export function emailHtml(doc: EmailDocument, serviceName: string): string {
  const body = doc.parts.map(partHtml).join("\n");
  const preheader = doc.preheader ?? doc.parts.find((p) => p.kind === "paragraph")?.text ?? "";
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(doc.subject)}</title></head>`,
    '<body style="margin: 0; padding: 0; background: #ffffff;">',
    `<div style="display: none; max-height: 0; overflow: hidden;">${html(preheader.slice(0, 140))}</div>`,
    `<div style="background: #1d70b8; padding: 15px 20px;"><span style="${FONT} color: #ffffff; font-size: 24px; font-weight: 700;">${html(serviceName)}</span></div>`,
    `<div style="max-width: 580px; padding: 20px;">`,
    body,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}
