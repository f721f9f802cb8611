/**
 * "On this page": a long record page's sections, one key press away. The
 * address is the router's (hash) so these move the focus to the section's
 * heading instead of changing the address; a screen reader then reads on
 * from there, as it would after a page load.
 */
export function SectionIndex({ sections }: { sections: { id: string; label: string }[] }) {
  const go = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="section-index" aria-label="On this page">
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <button type="button" className="link-button" onClick={() => go(s.id)}>
              {s.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
