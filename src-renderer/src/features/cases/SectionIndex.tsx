export interface IndexEntry {
  /** The id of the section's heading, which takes focus. */
  id: string;
  label: string;
}

/**
 * A long record page's table of contents. Each entry moves focus to its
 * section's heading (which scrolls it into view), so the next Tab continues
 * inside that section. Buttons, not hash links: the app's routes live in the
 * address's hash.
 */
export function SectionIndex({ entries }: { entries: IndexEntry[] }) {
  return (
    <nav className="section-index" aria-label="Sections of this page">
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              className="section-index__link"
              onClick={() => {
                const target = document.getElementById(e.id);
                if (!target) return;
                if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
                target.scrollIntoView({ block: 'start' });
                target.focus({ preventScroll: true });
              }}
            >
              {e.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
