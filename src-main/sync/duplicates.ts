import type Database from 'better-sqlite3';

/*
 * Likely duplicate people, proposed after each sync into a review queue:
 * the same person registered on two laptops. Only proposed: merging is
 * always a person's decision (see people-merge.ts).
 */

interface Person {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  postcode: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
}

export function normaliseName(first: string, last: string): string {
  return `${first} ${last}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const postcode = (p: string | null) => (p ? p.toUpperCase().replace(/\s+/g, '') : null);
const phone = (p: string | null) => {
  const digits = p?.replace(/\D/g, '') ?? '';
  return digits.length >= 9 ? digits.slice(-10) : null;
};
const email = (e: string | null) => (e ? e.trim().toLowerCase() : null);

/** Scores a pair: name, date of birth, postcode, phone and email, each for a reason a person can read. */
export function matchPeople(a: Person, b: Person): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  if (normaliseName(a.first_name, a.last_name) === normaliseName(b.first_name, b.last_name)) {
    score += 40;
    reasons.push('same name');
  } else if (a.last_name.toLowerCase() === b.last_name.toLowerCase()) {
    score += 15;
    reasons.push('same surname');
  }
  if (a.date_of_birth && a.date_of_birth === b.date_of_birth) {
    score += 30;
    reasons.push('same date of birth');
  }
  if (postcode(a.postcode) && postcode(a.postcode) === postcode(b.postcode)) {
    score += 20;
    reasons.push('same postcode');
  }
  const phonesA = [phone(a.phone), phone(a.mobile)].filter(Boolean);
  const phonesB = new Set([phone(b.phone), phone(b.mobile)].filter(Boolean));
  if (phonesA.some((p) => phonesB.has(p))) {
    score += 25;
    reasons.push('same phone number');
  }
  if (email(a.email) && email(a.email) === email(b.email)) {
    score += 30;
    reasons.push('same email');
  }
  return { score, reasons };
}

const THRESHOLD = 60;

/**
 * Finds likely pairs among the register and adds new ones to the queue
 * (a pair already dismissed or merged stays so). Returns the open count.
 */
export function findDuplicates(raw: Database.Database, now: string): number {
  const people = raw
    .prepare(
      `SELECT id, first_name, last_name, date_of_birth, postcode, phone, mobile, email
       FROM customers WHERE deleted_at IS NULL`,
    )
    .all() as Person[];
  // Compared only within a shared key, so the pass stays linear in the register.
  const groups = new Map<string, Person[]>();
  const add = (key: string | null, p: Person) => {
    if (!key) return;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(p);
  };
  for (const p of people) {
    add(`n:${normaliseName(p.first_name, p.last_name)}`, p);
    add(email(p.email) && `e:${email(p.email)}`, p);
    add(phone(p.phone) && `p:${phone(p.phone)}`, p);
    add(phone(p.mobile) && `p:${phone(p.mobile)}`, p);
  }
  const insert = raw.prepare(
    `INSERT INTO sync_duplicates (a_id, b_id, score, reasons, status, found_at)
     VALUES (?, ?, ?, ?, 'open', ?)
     ON CONFLICT (a_id, b_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons
     WHERE sync_duplicates.status = 'open'`,
  );
  raw.transaction(() => {
    const done = new Set<string>();
    for (const group of groups.values()) {
      if (group.length < 2 || group.length > 50) continue;
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] =
            group[i]!.id < group[j]!.id ? [group[i]!, group[j]!] : [group[j]!, group[i]!];
          const key = `${a.id}|${b.id}`;
          if (a.id === b.id || done.has(key)) continue;
          done.add(key);
          const m = matchPeople(a, b);
          if (m.score >= THRESHOLD) insert.run(a.id, b.id, m.score, JSON.stringify(m.reasons), now);
        }
    }
    // A pair one of whom has gone (merged elsewhere, deleted) leaves the queue.
    raw
      .prepare(
        `UPDATE sync_duplicates SET status = 'merged' WHERE status = 'open' AND (
           NOT EXISTS (SELECT 1 FROM customers WHERE id = a_id AND deleted_at IS NULL) OR
           NOT EXISTS (SELECT 1 FROM customers WHERE id = b_id AND deleted_at IS NULL))`,
      )
      .run();
  })();
  return raw
    .prepare(`SELECT count(*) FROM sync_duplicates WHERE status = 'open'`)
    .pluck()
    .get() as number;
}
