const ALLOWED_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);

/**
 * Returns the URL when its scheme is on the allow-list, else `undefined`. Lit escapes text but not
 * the meaning of an `href`: a `javascript:` address from data must never become a link.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, 'https://invalid.example/');
    return ALLOWED_SCHEMES.has(parsed.protocol) && !/^\s*(javascript|data|vbscript):/i.test(url)
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}

/** A `mailto:` link for an address that looks like one, else `undefined`. */
export const mailtoUrl = (email: string | null | undefined) =>
  email && /^[^\s@<>"]+@[^\s@<>"]+$/.test(email) ? safeUrl(`mailto:${email}`) : undefined;

/** A `tel:` link from a phone number, keeping only what dialers understand. */
export const telUrl = (phone: string | null | undefined) => {
  const digits = phone?.replace(/[^\d+]/g, '');
  return digits && /^\+?\d{3,20}$/.test(digits) ? `tel:${digits}` : undefined;
};

/**
 * Text from data without bidirectional control characters (U+202A-U+202E, U+2066-U+2069): they can
 * make "evil\u202Eexe.txt" read as "eviltxt.exe". Direction comes from `dir="auto"` instead.
 */
export const plainText = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
