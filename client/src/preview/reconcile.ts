// Live update without reloading: which existing block elements the preview keeps for the new render.
// Blocks carry keys that stay the same while their content does (see RenderCache in the core), so after a keystroke
// every block but the edited one is kept, and the page neither flickers nor loses its scroll position.

/**
 * For each new block, the index of the old element to reuse, or -1 to create one. Each old element is used at most
 * once; equal keys (identical paragraphs) are matched in order.
 */
export function planBlocks(oldKeys: readonly string[], newKeys: readonly string[]): number[] {
  const byKey = new Map<string, number[]>();
  oldKeys.forEach((k, i) => {
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const taken = new Map<string, number>();
  return newKeys.map((k) => {
    const list = byKey.get(k);
    const n = taken.get(k) ?? 0;
    if (!list || n >= list.length) return -1;
    taken.set(k, n + 1);
    return list[n]!;
  });
}
