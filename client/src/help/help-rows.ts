// The pure half of the problem help (problem-help.ts): the codes the manifest's severity setting lists, and where
// each code's row is in docs/diagnostics.md.

export interface CodeEntry {
  code: string;
  summary: string;
}

/** The codes of the severity setting, with their summaries (the text before the default), in the setting's order. */
export function codesFromManifest(packageJSON: unknown): CodeEntry[] {
  const properties = (
    packageJSON as {
      contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, unknown> }> } };
    }
  )?.contributes?.configuration?.properties?.['emend.diagnostics.severity']?.properties;
  if (!properties) return [];
  return Object.entries(properties).map(([code, p]) => {
    const text = String((p as { markdownDescription?: string }).markdownDescription ?? '');
    const cut = text.indexOf(' Default: ');
    return { code, summary: cut >= 0 ? text.slice(0, cut) : text };
  });
}

/** The zero-based line of a code's row in docs/diagnostics.md's table, or -1. */
export function rowOf(markdown: string, code: string): number {
  const lines = markdown.split('\n');
  return lines.findIndex((l) => l.startsWith(`| \`${code}\` |`) || l.startsWith(`| <a id="${code}"></a>\`${code}\` |`));
}
