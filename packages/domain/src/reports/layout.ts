/**
 * Layout rules of official documents that are text, not drawing (Nghị định 30/2020/NĐ-CP, Phụ lục
 * I; docs/legal/document-format.md). The agency names in the header are set in capitals in a
 * narrow column and must not break inside a word group ("SỞ LAO ĐỘNG - THƯƠNG / BINH VÀ XÃ HỘI"
 * is wrong): the name is cut into groups, each kept whole with non-breaking spaces, and the
 * groups are packed into lines.
 */

/** Non-breaking space: a word processor never breaks a line there. */
export const NBSP = '\u00A0';

/** Words that start a new group of an agency name: the kind of area it belongs to. */
const GROUP_STARTS = ['TỈNH', 'HUYỆN', 'QUẬN', 'THÀNH PHỐ', 'THỊ XÃ', 'XÃ', 'PHƯỜNG', 'THỊ TRẤN'];

/**
 * The word groups of an agency name: split after " - " ("SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ
 * HỘI") and before the kind of area ("ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"). "XÃ HỘI" is not an
 * area: a group start must not follow "VÀ".
 */
export function agencyGroups(name: string): string[] {
  const groups: string[] = [];
  for (const part of name.trim().split(/\s+-\s+/)) {
    const words = part.split(/\s+/).filter(Boolean);
    let cur: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const rest = words.slice(i).join(' ').toUpperCase();
      const startsArea = GROUP_STARTS.some((g) => rest === g || rest.startsWith(`${g} `));
      if (startsArea && cur.length > 0 && cur[cur.length - 1]!.toUpperCase() !== 'VÀ') {
        groups.push(cur.join(' '));
        cur = [];
      }
      cur.push(words[i]!);
    }
    if (cur.length) groups.push(cur.join(' '));
    groups[groups.length - 1] += ' -';
  }
  groups[groups.length - 1] = groups[groups.length - 1]!.replace(/ -$/, '');
  return groups.filter(Boolean);
}

/**
 * The lines of an agency name in a header column of about `maxChars` capitals: whole groups
 * packed greedily, the words of each group joined by non-breaking spaces, so that even a word
 * processor that narrows the column breaks only between groups.
 */
export function agencyLines(name: string, maxChars = 30): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const g of agencyGroups(name)) {
    const glued = g.split(' ').join(NBSP);
    if (cur && cur.length + 1 + glued.length > maxChars) {
      lines.push(cur);
      cur = glued;
    } else cur = cur ? `${cur} ${glued}` : glued;
  }
  if (cur) lines.push(cur);
  return lines;
}
