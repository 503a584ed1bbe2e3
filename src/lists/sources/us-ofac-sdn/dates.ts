/** OFAC writes dates as "12 Mar 1960", "Mar 1960", "1960", "circa 1960" or "1951 to 1953"; the model wants ISO. */
const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

function one(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m?.[1] && m[2] && m[3]) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? `${m[3]}-${month}-${m[1].padStart(2, '0')}` : undefined;
  }
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m?.[1] && m[2]) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? `${m[2]}-${month}` : undefined;
  }
  if (/^\d{4}$/.test(t)) return t;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  return undefined;
}

/** One OFAC date phrase → ISO dates; a range gives both ends, since either may be what a customer states. */
export function ofacDates(text: string): string[] {
  const body = text.trim().replace(/^(circa|approximately|approx\.)\s+/i, '');
  const parts = body.split(/\s+to\s+/i);
  const out: string[] = [];
  for (const part of parts) {
    const iso = one(part);
    if (iso && !out.includes(iso)) out.push(iso);
  }
  return out;
}

/** Legacy sdn.xml Publish_Date is US-style MM/DD/YYYY; ENHANCED_XML dataAsOf is ISO with a time. */
export function publishDate(text: string): string | undefined {
  const t = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us?.[1] && us[2] && us[3]) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(t);
  return iso?.[1];
}
