// Checks a message or view against Slack's Block Kit limits, so a view test
// fails here rather than as invalid_blocks in production.
type Surface = "message" | "modal" | "home";

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

export function blockKitProblems(blocks: any[], surface: Surface, view?: any): string[] {
  const problems: string[] = [];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks (max ${MAX_BLOCKS[surface]} in a ${surface})`);
  const blockIds = new Set<string>();
  const text = (t: any, max: number, where: string) => {
    if (t && typeof t.text === "string" && t.text.length > max) problems.push(`${where}: ${t.text.length} characters (max ${max})`);
  };
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type}${b.block_id ? ` ${b.block_id}` : ""})`;
    if (b.block_id) {
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id`);
      blockIds.add(b.block_id);
    }
    if (b.type === "section") {
      text(b.text, 3000, where);
      if (!b.text && !b.fields) problems.push(`${where}: a section needs text or fields`);
      if (b.accessory) elementProblems(b.accessory, `${where} accessory`, problems);
    }
    if (b.type === "header") text(b.text, 150, where);
    if (b.type === "context") {
      if (b.elements.length > 10) problems.push(`${where}: ${b.elements.length} elements (max 10)`);
      for (const e of b.elements) text(e, 3000, where);
    }
    if (b.type === "actions") {
      if (b.elements.length > 25) problems.push(`${where}: ${b.elements.length} elements (max 25)`);
      if (b.elements.length === 0) problems.push(`${where}: an actions block needs elements`);
      const ids = b.elements.map((e: any) => e.action_id);
      if (new Set(ids).size !== ids.length) problems.push(`${where}: duplicate action_id`);
      for (const e of b.elements) elementProblems(e, where, problems);
    }
    if (b.type === "input") {
      if (surface === "message") problems.push(`${where}: input blocks belong in modals`);
      text(b.label, 2000, `${where} label`);
      text(b.hint, 2000, `${where} hint`);
      elementProblems(b.element, where, problems);
    }
  });
  if (view) {
    text(view.title, 24, "title");
    text(view.submit, 24, "submit");
    text(view.close, 24, "close");
    if (view.private_metadata && view.private_metadata.length > 3000) problems.push("private_metadata over 3000 characters");
  }
  return problems;
}

function elementProblems(e: any, where: string, problems: string[]): void {
  if (e.type === "button") {
    if (e.text.text.length > 75) problems.push(`${where}: button text over 75`);
    if (e.value && e.value.length > 2000) problems.push(`${where}: button value over 2000`);
  }
  for (const o of [...(e.options ?? []), ...(e.initial_options ?? []), ...(e.initial_option ? [e.initial_option] : [])]) {
    if (o.text.text.length > 75) problems.push(`${where}: option text "${o.text.text}" over 75`);
    if (o.value.length > 150) problems.push(`${where}: option value over 150`);
  }
  if (e.options && e.options.length > 100) problems.push(`${where}: ${e.options.length} options (max 100)`);
  if (e.placeholder && e.placeholder.text.length > 150) problems.push(`${where}: placeholder over 150`);
}
