// A button's or a menu option's value comes back in a request anyone could
// forge: it is read as JSON and checked against its shape, and anything else is
// an expired button to the person (the reason says what to type instead).
import type { z } from "zod";
import { AppError } from "../../domain/common/errors";
import type { Reason } from "../../domain/common/reasons";

export function readValue<S extends z.ZodType>(schema: S, raw: string | undefined, unreadable: Reason): z.infer<S> {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ""));
    if (parsed.success) return parsed.data;
  } catch {
    // unreadable: told below
  }
  throw new AppError("gone", unreadable);
}
