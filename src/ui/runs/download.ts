/** Hands the learner a file: a Blob behind a temporary object URL and a clicked link. */
export function downloadFile(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A name safe as a file name on every system: letters, digits, dashes. */
export function safeFileName(name: string, fallback = 'kd-playground'): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return cleaned || fallback;
}
