// Characters a reader cannot see or that reorder text: invisible, formatting (bidi overrides,
// zero-width) or control characters, unassigned and private-use code points, and line or
// paragraph separators. Tab and line feed display as themselves; a carriage return only in
// CR LF (alone, CSS shows it as a space). The approval window marks them in what it shows; the
// worker refuses token symbols and names that hold them.
export const HIDDEN = /\r(?!\n)|(?![\t\n\r])[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;

/** True when `text` holds a hidden character. */
export const hasHidden = (text) => new RegExp(HIDDEN.source, 'u').test(text);
