/**
 * Devanagari digits (०१२३४५६७८९) for numbers the interface writes, when a Hindi site
 * chooses them. Only ASCII digits change; separators (`,` `:` `.`) stay, as Hindi print
 * writes them (`२१ मार्च २०२३, १०:३० AM`, `४,४६,९९,४१८`).
 */
const ZERO = 0x0966; // '०'

export function toDevanagariDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(ZERO + d.charCodeAt(0) - 48));
}
