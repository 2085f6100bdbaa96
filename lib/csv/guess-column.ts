/** "E-mail Address" → "e_mail_address": how a header is compared with our column names. */
const simplify = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** "work_e_mail" → ["email", "mail"]: the header's last words run together, longest first. */
const lastWords = (plain: string) => {
  const words = plain.split('_');
  return words.slice(1).map((_, i) => words.slice(i + 1).join(''));
};

/**
 * Our column that a file's header most likely means: the same name, or the same once spaces and
 * punctuation are ignored ("Customer Email" → customer_email), or a name that ends the same way
 * ("E-mail" → customer_email for interactions, email for customers), or a header whose last words
 * are one of our longer names ("Full Name" → name; never "Account ID" → id). '' when nothing fits.
 */
export function guessColumn(header: string, columns: readonly string[]): string {
  const plain = simplify(header);
  const squashed = plain.replace(/_/g, '');
  return (
    columns.find((c) => c === header.trim().toLowerCase()) ??
    columns.find((c) => c === plain) ??
    columns.find((c) => c.replace(/_/g, '') === squashed) ??
    columns.find((c) => squashed.length > 3 && c.replace(/_/g, '').endsWith(squashed)) ??
    lastWords(plain)
      .map((tail) => columns.find((c) => c.length > 3 && c.replace(/_/g, '') === tail))
      .find(Boolean) ??
    ''
  );
}
