'use client';
/**
 * The language control: ARIA tabs on one line that scrolls sideways when they do not fit (never
 * wrapping to several lines), the chosen tab kept in view; a roving tabindex (arrow keys, Home,
 * End move between tabs). A tab may carry a note (`hand-written`), shown as a mark and read out.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface TabItem {
  id: string;
  label: string;
  note?: string | undefined;
}

export function LanguageTabs({
  tabs,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  tabs: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  idPrefix: string;
  label: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const index = tabs.findIndex((t) => t.id === selected);

  // Keep the chosen tab in view (sideways only: the page itself must not scroll).
  useEffect(() => {
    const list = listRef.current;
    const tab = refs.current[index];
    if (!list || !tab) return;
    const left = tab.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft) list.scrollLeft = left;
    else if (left + tab.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = left + tab.offsetWidth - list.clientWidth;
  }, [index]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const target = tabs[next];
    if (!target) return; // not a navigation key (or no tabs at all)
    e.preventDefault();
    onSelect(target.id);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="code-tabs" onKeyDown={onKey} ref={listRef}>
      {tabs.map((t, i) => {
        const active = t.id === selected;
        return (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={active ? 0 : -1}
            className={active ? 'code-tab active' : 'code-tab'}
            data-lang={t.id}
            title={t.note ? `${t.label} (${t.note})` : undefined}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.note && (
              <>
                <span className="code-tab-note" aria-hidden="true">
                  {' '}
                  ✎
                </span>
                <span className="visually-hidden"> ({t.note})</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
