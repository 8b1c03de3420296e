// Escaping text for HTML element content and attribute values.
export function escapeHtml(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 34 ? '&quot;' : c === 39 ? '&#39;' : null;
    if (rep) { out += text.slice(from, i) + rep; from = i + 1; }
  }
  return from === 0 ? text : out + text.slice(from);
}
