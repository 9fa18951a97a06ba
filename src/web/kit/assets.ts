// GOV.UK Frontend's compiled files, served from the installed package (no CDN,
// nothing fetched at run time), and our own stylesheet and start-up script.
// Every file is read once at start and kept in memory with its gzip form; each
// has a content hash, which the pages put in its address (?v=…), so a browser
// keeps it for a year and a new version is a new address.
//
// The compiled CSS asks for its fonts and images at /assets/fonts/… and
// /assets/images/…, so that is where they are, as the package's template expects
// (its assetPath defaults to /assets).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { GOVUK_DIST, OWN_ASSETS_DIR } from "./paths";

export interface Asset {
  body: Buffer;
  /** The gzip form, for text files only. */
  gzip: Buffer | null;
  type: string;
  /** A hash of the content: the ETag, and the ?v= of a versioned address. */
  hash: string;
  /** Fonts carry their hash in their name already. */
  fingerprinted: boolean;
}

const TYPES: Record<string, { type: string; text: boolean }> = {
  ".css": { type: "text/css; charset=utf-8", text: true },
  ".js": { type: "text/javascript; charset=utf-8", text: true },
  ".json": { type: "application/manifest+json; charset=utf-8", text: true },
  ".svg": { type: "image/svg+xml", text: true },
  ".png": { type: "image/png", text: false },
  ".ico": { type: "image/x-icon", text: true },
  ".woff": { type: "font/woff", text: false },
  ".woff2": { type: "font/woff2", text: false },
};

function asset(body: Buffer, name: string): Asset {
  const kind = TYPES[path.extname(name)] ?? { type: "application/octet-stream", text: false };
  return {
    body,
    gzip: kind.text ? gzipSync(body, { level: 9 }) : null,
    type: kind.type,
    hash: createHash("sha256").update(body).digest("hex").slice(0, 12),
    fingerprinted: name.startsWith("fonts/"),
  };
}

export class Assets {
  /** By path under /assets/. */
  private readonly files = new Map<string, Asset>();

  constructor() {
    const govuk = path.join(GOVUK_DIST, "govuk");
    this.add("govuk-frontend.min.css", fs.readFileSync(path.join(govuk, "govuk-frontend.min.css")));
    this.add("govuk-frontend.min.js", fs.readFileSync(path.join(govuk, "govuk-frontend.min.js")));
    for (const folder of ["fonts", "images"]) {
      for (const file of fs.readdirSync(path.join(govuk, "assets", folder))) {
        this.add(`${folder}/${file}`, fs.readFileSync(path.join(govuk, "assets", folder, file)));
      }
    }
    this.add("manifest.json", fs.readFileSync(path.join(govuk, "assets", "manifest.json")));
    for (const file of fs.readdirSync(OWN_ASSETS_DIR)) this.add(file, fs.readFileSync(path.join(OWN_ASSETS_DIR, file)));
    // GOV.UK Frontend's components start from a module script; an inline one would need the
    // CSP to allow it, so this small file does it, importing the package's module by its versioned address.
    this.add("init.js", Buffer.from(`import { initAll } from "${this.url("govuk-frontend.min.js")}";\ninitAll();\n`));
  }

  private add(name: string, body: Buffer): void {
    this.files.set(name, asset(body, name));
  }

  get(name: string): Asset | undefined {
    return this.files.get(name);
  }

  /** The versioned address of a file under /assets/ (for the templates' <link> and <script>). */
  url(name: string): string {
    const found = this.files.get(name);
    if (!found) throw new Error(`no asset ${name}`);
    return `/assets/${name}?v=${found.hash}`;
  }
}
