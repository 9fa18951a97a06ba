import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { parse } from "yaml";
import { CALLBACK } from "../src/views/ids";

/**
 * Validates manifest.yml against Slack's published app manifest JSON schema
 * (https://github.com/slackapi/manifest-schema, MIT licensed; a copy lives in
 * test/fixtures/slack). The schema is draft-07, so plain `ajv` is the right
 * variant. It uses formats (`uri`) and a non-standard `regex` keyword, and
 * ajv-formats is not installed, so formats and unknown keywords are ignored.
 */

const ROOT = join(__dirname, "..");
const FIXTURES = join(__dirname, "fixtures", "slack");

type Manifest = {
  _metadata?: { major_version?: number };
  display_information?: { name: string };
  features?: {
    slash_commands?: { command: string; url?: string }[];
    shortcuts?: { name: string; type: string; callback_id: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: {
      is_enabled: boolean;
      request_url?: string;
      message_menu_options_url?: string;
    };
  };
  [key: string]: unknown;
};

// What the app calls today; a feature that needs a new scope adds it here and in manifest.yml.
const EXPECTED_BOT_SCOPES = [
  "channels:join",
  "channels:manage",
  "channels:read",
  "chat:write",
  "commands",
  "users:read",
  "users:read.email",
];

function loadManifest(): Manifest {
  return parse(readFileSync(join(ROOT, "manifest.yml"), "utf8")) as Manifest;
}

function compileSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(FIXTURES, "manifest.schema.2.0.0.json"), "utf8")) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("\n");
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe("Slack app manifest (manifest.yml)", () => {
  const validate = compileSchema();
  const manifest = loadManifest();

  it("targets manifest schema major version 2", () => {
    expect(manifest._metadata?.major_version).toBe(2);
  });

  it("is valid against Slack's manifest schema", () => {
    const valid = validate(manifest);
    if (!valid) {
      // Make failures readable in the jest output.
      console.error(`manifest.yml schema errors:\n${describeErrors(validate.errors)}`);
    }
    expect(describeErrors(validate.errors)).toBe("");
    expect(valid).toBe(true);
  });

  it("declares the /community command, sent to /slack/events", () => {
    const commands = manifest.features?.slash_commands ?? [];
    expect(commands.map((c) => c.command)).toEqual(["/community"]);
    expect(commands[0].url).toMatch(/^https:\/\/.+\/slack\/events$/);
  });

  it("declares the message shortcuts the app handles", () => {
    expect(manifest.features?.shortcuts).toEqual([
      expect.objectContaining({ type: "message", callback_id: CALLBACK.logProblemFromMessage, name: "Log community problem" }),
      expect.objectContaining({ type: "message", callback_id: CALLBACK.addToAgendaFromMessage, name: "Add to meeting agenda" }),
    ]);
  });

  it("asks for exactly the bot scopes the app needs", () => {
    const scopes = manifest.oauth_config?.scopes?.bot ?? [];
    expect(new Set(scopes).size).toBe(scopes.length);
    expect([...scopes].sort()).toEqual([...EXPECTED_BOT_SCOPES].sort());
    expect(scopes).not.toContain("chat:write.public");
    expect(scopes).not.toContain("groups:read");
  });

  it("subscribes to the events the app handles", () => {
    const events = manifest.settings?.event_subscriptions;
    expect(events?.bot_events).toEqual(["app_home_opened", "member_joined_channel"]);
    expect(events?.request_url).toMatch(/\/slack\/events$/);
  });

  it("enables interactivity, including external select options", () => {
    const interactivity = manifest.settings?.interactivity;
    expect(interactivity?.is_enabled).toBe(true);
    expect(interactivity?.request_url).toMatch(/\/slack\/events$/);
    expect(interactivity?.message_menu_options_url).toMatch(/\/slack\/events$/);
  });

  describe("the validator really checks (negative cases)", () => {
    it("rejects a manifest without display_information", () => {
      const broken = clone(manifest);
      delete broken.display_information;
      expect(validate(broken)).toBe(false);
      expect(validate.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            keyword: "required",
            params: { missingProperty: "display_information" },
          }),
        ]),
      );
    });

    it("rejects a malformed bot scope", () => {
      // The schema does not enumerate scope names (the exact-set test above
      // covers that), but it does constrain their shape.
      const broken = clone(manifest);
      (broken.oauth_config!.scopes!.bot as unknown[]).push({ bogus: "scope" });
      expect(validate(broken)).toBe(false);
      expect(validate.errors?.[0]?.instancePath).toMatch(/^\/oauth_config\/scopes\/bot\//);
    });

    it("rejects unknown keys and over-long values", () => {
      const unknownKey = clone(manifest);
      unknownKey.settings = { ...unknownKey.settings, not_a_setting: true } as Manifest["settings"];
      expect(validate(unknownKey)).toBe(false);

      const longName = clone(manifest);
      longName.features!.shortcuts = [{ name: "Log as a community problem", type: "message", callback_id: "x", description: "x" } as never]; // 26 > 24
      expect(validate(longName)).toBe(false);
    });
  });
});
