/** ECharts tooltip formatters return HTML; names from the API or a user's CSV must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
