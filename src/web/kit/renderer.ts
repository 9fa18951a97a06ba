// The pages' templates: Nunjucks, with GOV.UK Frontend's page template and
// component macros from the installed package ("govuk/template.njk",
// "govuk/components/…/macro.njk"), and autoescape on, so anything a person typed
// (a community's name, a problem's title) is escaped wherever a template prints
// it. Templates are compiled on first use and kept; they hold no logic beyond
// showing what their presenter gave them.
import nunjucks from "nunjucks";
import { webWords } from "../../i18n";
import type { Assets } from "./assets";
import { GOVUK_DIST, TEMPLATES_DIR } from "./paths";

export class Renderer {
  private readonly env: nunjucks.Environment;

  /**
   * `govukBranding`: the GOV.UK header (the crown and GOV.UK logotype) is for services on
   * GOV.UK only; elsewhere the pages show the service's name in the service navigation alone.
   */
  constructor(assets: Assets, options: { govukBranding: boolean }) {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader([TEMPLATES_DIR, GOVUK_DIST], { noCache: false, watch: false }), {
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.env.addGlobal("assetHref", (name: string) => assets.url(name));
    this.env.addGlobal("assetPath", "/assets");
    this.env.addGlobal("web", webWords);
    this.env.addGlobal("serviceName", webWords.serviceName);
    this.env.addGlobal("govukBranding", options.govukBranding);
  }

  render(template: string, context: object): string {
    return this.env.render(template, context);
  }
}

/** Whether PUBLIC_URL is on GOV.UK (gov.uk or a subdomain, such as service.gov.uk), where the GOV.UK header belongs. */
export function onGovUk(publicUrl: string): boolean {
  const host = new URL(publicUrl).hostname.toLowerCase();
  return host === "gov.uk" || host.endsWith(".gov.uk");
}
