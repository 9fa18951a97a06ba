// A form's private_metadata: what the listener that opened it tells the one
// that reads its submission. Slack echoes it back, but in a request anyone
// could forge, so it is parsed with zod like every other edge. Each form's
// schema is exported by its submission listener (src/app/submissions), beside
// the code that reads it.
import type { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { Reasons } from "../../domain/common/reasons";

export interface FormMetadata<T> {
  write(value: T): string;
  /** What the form carried: unreadable or tampered metadata reads as empty, every field missing. */
  read(raw: string | undefined): Partial<T>;
}

export function formMetadata<S extends z.ZodObject>(schema: S): FormMetadata<z.infer<S>> {
  const lenient = schema.partial();
  return {
    write: (value) => JSON.stringify(value),
    read: (raw) => {
      try {
        const result = lenient.safeParse(JSON.parse(raw || "{}"));
        if (result.success) return result.data as Partial<z.infer<S>>;
      } catch {
        // fall through: unreadable metadata is treated as empty
      }
      return {};
    },
  };
}

/**
 * The record a form was opened for, from its metadata. Without it (a form
 * whose metadata was lost or changed) the person is told, beside `block`, that
 * the form has expired and what to open again.
 */
export function openedFor(id: string | undefined, reopen: Reasons["form.expired"]["reopen"], block: string): string {
  if (!id) throw new AppError("gone", { key: "form.expired", reopen }, block);
  return id;
}
